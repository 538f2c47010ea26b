package io.tabula.flows.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.masking.memory.CallMemoryPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden transcripts of the shipped flows: the usual paths and every error path. A changed
 * transcript fails the test; after a deliberate change, regenerate with {@code
 * -Dgolden.update=true} and review the diff.
 */
class GoldenTranscriptTest {

  static Stream<Arguments> calls() {
    String card = "4242424242424242#";
    return Stream.of(
        Arguments.of("city/parking-ticket.yaml", "paid", "12345678# 1 " + card + " 1230 123"),
        Arguments.of(
            "city/parking-ticket.yaml", "paid-amex", "55555555# 1 378282246310005# 1230 1234"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "hear-again-then-pay",
            "12345678# 2 1 " + card + " 1230 123"),
        Arguments.of("city/parking-ticket.yaml", "nothing-due", "87654321#"),
        Arguments.of(
            "city/parking-ticket.yaml", "ticket-not-found-then-found", "11111111# 12345678# - - -"),
        Arguments.of("city/parking-ticket.yaml", "ticket-invalid-three-times", "123# - 99#"),
        Arguments.of("city/parking-ticket.yaml", "menu-invalid-and-silence", "12345678# 7 - 9"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "card-fails-luhn-then-ok",
            "12345678# 1 4242424242424241# " + card + " 1230 123"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "card-invalid-three-times",
            "12345678# 1 1234# 4242424242424241# -"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "expiry-in-the-past",
            "12345678# 1 " + card + " 1025 1399 -"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "cvc-wrong-length",
            "12345678# 1 " + card + " 1230 12# 1234 123"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "declined-insufficient-funds-retry",
            "12345678# 1 4000000000009995# 1230 123 1 " + card + " 1230 123"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "declined-expired",
            "12345678# 1 4000000000000069# 1230 123 - -"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "declined-wrong-cvc",
            "12345678# 1 4000000000000127# 1230 123 2"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "declined-do-not-honour",
            "12345678# 1 4000000000000044# 1230 123 -  -"),
        Arguments.of(
            "city/parking-ticket.yaml", "payment-failed", "12345678# 1 4000000000000119# 1230 123"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "payment-unknown",
            "12345678# 1 4000000000003220# 1230 123"),
        Arguments.of("city/parking-ticket.yaml", "agent-from-menu", "12345678# 0"),
        Arguments.of("city/parking-ticket.yaml", "agent-during-welcome", "^0"),
        Arguments.of("city/parking-ticket.yaml", "agent-while-collecting", "0#"),
        Arguments.of("city/parking-ticket.yaml", "agent-instead-of-card", "12345678# 1 0#"),
        Arguments.of("city/parking-ticket.yaml", "caller-hangs-up-during-card", "12345678# 1 H"),
        Arguments.of("city/parking-ticket.yaml", "caller-walks-away", ""),
        Arguments.of(
            "utility/bill-payment.yaml", "paid", "1002003004# 94110 1 5555555555554444# 0828 321"),
        Arguments.of(
            "utility/bill-payment.yaml",
            "zip-mismatch-then-ok",
            "1002003004# 10001 1002003004# 94110 2 -"),
        Arguments.of("utility/bill-payment.yaml", "nothing-due", "2003004005# 10001"),
        Arguments.of(
            "utility/bill-payment.yaml",
            "payment-unknown",
            "1002003004# 94110 1 4000000000003220# 0828 321"),
        Arguments.of("utility/bill-payment.yaml", "zip-silence-to-agent", "1002003004# - - -"),
        Arguments.of("utility/balance.yaml", "balance", "1002003004# 94110 1 2"),
        Arguments.of("utility/balance.yaml", "agent", "1002003004# 94110 0"),
        Arguments.of("city/parking-ticket.yaml", "lookup-down", "12345678#"),
        Arguments.of("utility/bill-payment.yaml", "lookup-down", "1002003004# 94110"),
        Arguments.of("utility/balance.yaml", "lookup-down", "1002003004# 94110"),
        // A caller whose channel language is Spanish (agi_language: es): names ending in -es.
        Arguments.of("city/parking-ticket.yaml", "paid-es", "12345678# 1 " + card + " 1230 123"),
        Arguments.of(
            "city/parking-ticket.yaml", "paid-amex-es", "55555555# 1 378282246310005# 1230 1234"),
        Arguments.of(
            "city/parking-ticket.yaml",
            "payment-unknown-es",
            "12345678# 1 4000000000003220# 1230 123"),
        Arguments.of(
            "utility/bill-payment.yaml",
            "paid-es",
            "1002003004# 94110 1 5555555555554444# 0828 321"),
        Arguments.of("utility/balance.yaml", "balance-es", "1002003004# 94110 1 2"),
        Arguments.of("city/parking-ticket.yaml", "lookup-down-es", "12345678#"));
  }

  /** The demo connectors; for "lookup-down" the customer database throws on every lookup. */
  private static Connectors connectors(String name) {
    Connectors demo = DemoConnectors.create(ShippedFlows.CLOCK);
    if (!name.startsWith("lookup-down")) {
      return demo;
    }
    List<LookupConnector> broken =
        demo.lookupNames().stream()
            .map(
                n ->
                    (LookupConnector)
                        new LookupConnector() {
                          @Override
                          public String name() {
                            return n;
                          }

                          @Override
                          public LookupResult lookup(LookupRequest request) {
                            throw new IllegalStateException("database connection refused");
                          }
                        })
            .toList();
    return Connectors.of(
        broken, demo.paymentNames().stream().map(n -> demo.payment(n).orElseThrow()).toList());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void transcriptMatchesGolden(String flowFile, String name, String keys) throws IOException {
    String actual;
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      FlowSimulator simulator = new FlowSimulator(pool, connectors(name), ShippedFlows.CLOCK);
      FlowSimulator.Simulation simulation =
          simulator.run(
              ShippedFlows.load(flowFile),
              KeySource.script(keys),
              new Transcript(),
              name.endsWith("-es") ? "es" : "en");
      assertThat(simulation.ending()).isNotEqualTo(SimulatedCallPort.Ending.STILL_RUNNING);
      assertThat(simulation.memoryZeroed()).isTrue();
      actual = "keys: " + keys + "\n" + String.join("\n", simulation.transcript()) + "\n";
    }
    String resource = "golden/" + flowFile.replace(".yaml", "") + "/" + name + ".txt";
    Path source = ShippedFlows.repo().resolve("call-flows/src/test/resources").resolve(resource);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(source))
        .as("golden file %s (create it with -Dgolden.update=true)", resource)
        .isTrue();
    assertThat(actual).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
  }
}
