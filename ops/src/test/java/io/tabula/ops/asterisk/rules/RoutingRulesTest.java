package io.tabula.ops.asterisk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.lint.FlowFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingRulesTest {

  @TempDir Path dir;
  private ConfFolder conf;

  @BeforeEach
  void folder() {
    conf = new ConfFolder(dir);
  }

  private static final String[] SUBROUTINE = {
    "[tabula-call]",
    "exten => s,1,Answer()",
    " same => n,AGI(${TABULA}/${ARG1}/${ARG2})",
    " same => n,GotoIf($[\"${TABULA_TRANSFER}\" != \"\"]?agent)",
    " same => n,Return()",
    " same => n(agent),Queue(${TABULA_TRANSFER},t,,,600)"
  };

  private ConfFolder dialplan(String... calls) {
    String[] head = {"[globals]", "TABULA = agi://engine:4573", "[tabula]"};
    String[] lines = new String[head.length + calls.length + SUBROUTINE.length];
    System.arraycopy(head, 0, lines, 0, head.length);
    System.arraycopy(calls, 0, lines, head.length, calls.length);
    System.arraycopy(SUBROUTINE, 0, lines, head.length + calls.length, SUBROUTINE.length);
    return conf.file("extensions.conf", lines);
  }

  @Test
  void routesThroughGosubArgumentsAndGlobalsToExistingFlowsPass() throws IOException {
    dialplan(
        "exten => 1,1,Gosub(tabula-call,s,1(city,parking-ticket))",
        "exten => 2,1,Gosub(tabula-call,s,1(utility,bill-payment))",
        "exten => 3,1,AGI(hagi://tabula.example.org/utility/balance?lang=en)");
    assertThat(conf.run(new AgiRouteRule())).isEmpty();
  }

  @Test
  void aRouteToAFlowThatDoesNotExistIsAnError() throws IOException {
    dialplan(
        "exten => 1,1,Gosub(tabula-call,s,1(city,parking))",
        "exten => 2,1,AGI(agi://engine/utility/balance)",
        "exten => 3,1,AGI(agi://engine/water/balance,extra)");
    assertThat(conf.run(new AgiRouteRule()))
        .extracting(f -> f.where().line() + " " + f.what().split(" names")[0])
        .containsExactlyInAnyOrder("6 AGI route water/balance", "9 AGI route city/parking");
  }

  @Test
  void aRouteThatIsNotTenantSlashFlowIsAnError() throws IOException {
    dialplan("exten => 1,1,AGI(agi://engine:4573/parking-ticket)");
    assertThat(conf.run(new AgiRouteRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).contains("not <tenant>/<flow>"));
  }

  @Test
  void dynamicRoutesAndLocalScriptsAreNotChecked() throws IOException {
    dialplan("exten => 1,1,AGI(agi://engine/${TENANT}/${FLOW})", "exten => 2,1,AGI(script.sh)");
    assertThat(conf.run(new AgiRouteRule())).isEmpty();
  }

  @Test
  void routesAreCheckedAgainstTheFlowsFolderGiven() throws IOException {
    Path flows = Files.createDirectories(dir.resolve("flows/city"));
    Files.copy(Path.of("../flows/city/parking-ticket.yaml"), flows.resolve("parking-ticket.yaml"));
    FlowFacts onlyCity = FlowFacts.fromDir(dir.resolve("flows"));
    assertThat(onlyCity.routes()).containsExactly("city/parking-ticket");
    dialplan("exten => 1,1,Gosub(tabula-call,s,1(utility,balance))");
    assertThat(conf.run(new AgiRouteRule(), onlyCity)).hasSize(1);
  }

  @Test
  void everyQueueTheFlowsNameMustBeInQueuesConf() throws IOException {
    dialplan("exten => 1,1,Gosub(tabula-call,s,1(city,parking-ticket))");
    conf.file(
        "queues.conf",
        "[general]",
        "[agents](!)",
        "strategy = ringall",
        "[city-parking-agents](agents)",
        "member => PJSIP/agent1");
    assertThat(conf.run(new QueueRule()))
        .extracting(f -> f.what().split(" transfers")[0])
        .containsExactlyInAnyOrder("flow utility/balance", "flow utility/bill-payment");
    assertThat(conf.run(new QueueRule()))
        .extracting(f -> f.where().file().getFileName().toString())
        .containsExactlyInAnyOrder("balance.yaml", "bill-payment.yaml");
  }

  @Test
  void queuesThatAllExistPass() throws IOException {
    dialplan("exten => 1,1,Gosub(tabula-call,s,1(city,parking-ticket))");
    conf.file("queues.conf", "[City-Parking-Agents]", "[utility-billing-agents]");
    assertThat(conf.run(new QueueRule())).isEmpty();
  }

  @Test
  void aLiteralQueueMissingFromQueuesConfIsAnError() throws IOException {
    dialplan("exten => 1,1,Queue(sales)");
    conf.file("queues.conf", "[city-parking-agents]", "[utility-billing-agents]");
    assertThat(conf.run(new QueueRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).startsWith("Queue(sales)"));
  }

  @Test
  void aDialplanWithoutQueueDropsTransfers() throws IOException {
    conf.file("extensions.conf", "[tabula]", "exten => 1,1,AGI(agi://engine/city/parking-ticket)");
    conf.file("queues.conf", "[city-parking-agents]", "[utility-billing-agents]");
    assertThat(conf.run(new QueueRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).contains("never runs Queue()"));
  }
}
