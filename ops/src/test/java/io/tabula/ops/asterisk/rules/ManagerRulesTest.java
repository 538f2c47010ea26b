package io.tabula.ops.asterisk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.conf.ConfLocation;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagerRulesTest {

  @TempDir Path dir;
  private ConfFolder conf;

  @BeforeEach
  void folder() {
    conf = new ConfFolder(dir);
  }

  private static final String[] GENERAL = {"[general]", "enabled = yes"};

  private ConfFolder manager(String... userLines) {
    String[] lines = new String[GENERAL.length + userLines.length];
    System.arraycopy(GENERAL, 0, lines, 0, GENERAL.length);
    System.arraycopy(userLines, 0, lines, GENERAL.length, userLines.length);
    return conf.file("manager.conf", lines);
  }

  /** The recorded fixtures: read = all, without filters, then with each filter syntax. */
  private void fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/asterisk-conf/" + name)) {
      Files.write(dir.resolve("manager.conf"), in.readAllBytes());
    }
  }

  @Test
  void goldenTheUnfilteredFixtureLeaksBothDtmfEvents() throws IOException {
    fixture("manager-unfiltered.conf");
    assertThat(conf.run(new ManagerDtmfRule()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.where()).isEqualTo(new ConfLocation(conf.path("manager.conf"), 10, 1));
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.what()).contains("[probe]").contains("DTMFBegin and DTMFEnd");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"manager-filtered-legacy.conf", "manager-filtered-advanced.conf"})
  void goldenTheFilteredFixturesPass(String name) throws IOException {
    fixture(name);
    assertThat(conf.run(new ManagerDtmfRule())).isEmpty();
    assertThat(conf.run(new ManagerFilterRule())).isEmpty();
  }

  @Test
  void everyUserCountsNotOnlyTheEngines() throws IOException {
    manager("[tabula]", "read = call,system", "write = call", "[wallboard]", "read = all");
    assertThat(conf.run(new ManagerDtmfRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).contains("[wallboard]"));
  }

  @Test
  void theDtmfClassLeaksAndAnEngineStyleUserDoesNot() throws IOException {
    manager("[a]", "read = dtmf", "[b]", "read = call,system", "[c]", "read = d,call");
    assertThat(conf.run(new ManagerDtmfRule()))
        .extracting(f -> f.where().line())
        .containsExactly(4, 8);
  }

  @Test
  void aFilterForOneEventOnlyStillLeaksTheOther() throws IOException {
    manager("[probe]", "read = all", "eventfilter = !Event: DTMFEnd");
    assertThat(conf.run(new ManagerDtmfRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).contains("DTMFBegin").doesNotContain("DTMFEnd"));
  }

  @Test
  void aFilterOnOneChannelTechnologyStillLeaksTheOthers() throws IOException {
    manager(
        "[probe]",
        "read = all",
        "eventfilter(action(exclude),header(Channel),method(starts_with)) = Local/");
    assertThat(conf.run(new ManagerDtmfRule())).hasSize(1);
  }

  @Test
  void includeFiltersThatLetNoDtmfThroughPass() throws IOException {
    manager("[wallboard]", "read = all", "eventfilter(name(QueueMemberStatus)) =");
    assertThat(conf.run(new ManagerDtmfRule())).isEmpty();
  }

  @Test
  void disabledEventsSwitchThemOffForEveryone() throws IOException {
    conf.file(
        "manager.conf",
        "[general]",
        "enabled = yes",
        "disabledevents = Newexten, DTMFBegin,DTMFEnd",
        "[probe]",
        "read = all");
    assertThat(conf.run(new ManagerDtmfRule())).isEmpty();
  }

  @Test
  void aTemplatesReadIsInheritedAndReportedWhereItIsWritten() throws IOException {
    manager("[base](!)", "read = all", "[probe](base)", "secret = x");
    assertThat(conf.run(new ManagerDtmfRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(4))
        .satisfies(f -> assertThat(f.what()).contains("[probe]").doesNotContain("[base]"));
  }

  @Test
  void aUserSplitOverTwoSectionsKeepsOnlyTheLastSectionsFilters() throws IOException {
    manager("[probe]", "read = all", "eventfilter = !Event: DTMF*", "[probe]", "secret = again");
    assertThat(conf.run(new ManagerDtmfRule())).hasSize(1);
  }

  @Test
  void usersConfManagersGetEveryClassUnlessTheySayOtherwise() throws IOException {
    manager("[tabula]", "read = call");
    conf.file("users.conf", "[general]", "hasmanager = no", "[6001]", "hasmanager = yes");
    List<Finding> findings = conf.run(new ManagerDtmfRule());
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.what()).contains("[6001]"));
    assertThat(findings.getFirst().where().file()).isEqualTo(conf.path("users.conf"));
  }

  @Test
  void aDisabledManagerLeaksNothing() throws IOException {
    conf.file("manager.conf", "[general]", "enabled = no", "[probe]", "read = all");
    assertThat(conf.run(new ManagerDtmfRule())).isEmpty();
  }

  @Test
  void refusedFiltersAreReported() throws IOException {
    manager("[probe]", "read = call", "eventfilter(action(exclude),nmae(DTMFEnd)) =");
    assertThat(conf.run(new ManagerFilterRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(5))
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    manager("[probe]", "read = call", "eventfilter(action(exclude),name(DTMFEnd)) =");
    assertThat(conf.run(new ManagerFilterRule())).isEmpty();
  }

  @Test
  void managerDebugPrintsEveryEvent() throws IOException {
    conf.file("manager.conf", "[general]", "enabled = yes", "debug = on");
    assertThat(conf.run(new ManagerDebugRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(3));
    conf.file("manager.conf", "[general]", "enabled = yes", "debug = no");
    assertThat(conf.run(new ManagerDebugRule())).isEmpty();
  }
}
