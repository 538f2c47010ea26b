package io.tabula.ops.asterisk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRulesTest {

  @TempDir Path dir;
  private ConfFolder conf;

  @BeforeEach
  void folder() {
    conf = new ConfFolder(dir);
  }

  private ConfFolder cel(String... general) {
    String[] lines = new String[general.length + 2];
    lines[0] = "[general]";
    lines[1] = "enable = yes";
    System.arraycopy(general, 0, lines, 2, general.length);
    return conf.file("cel.conf", lines);
  }

  @Test
  void celAppsWithoutAppEventsIsRejectedByAsterisk() throws IOException {
    cel("apps = queue", "events = CHAN_START,CHAN_END");
    assertThat(conf.run(new CelAppDataRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(3))
        .satisfies(f -> assertThat(f.what()).contains("CEL stays off"));
  }

  @Test
  void celStoringTheArgumentsOfEveryOrOfAnInputApplicationIsFlagged() throws IOException {
    cel("apps = all", "events = ALL");
    assertThat(conf.run(new CelAppDataRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    cel("apps = Queue, Read", "events = APP_START");
    assertThat(conf.run(new CelAppDataRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.what()).contains("read"));
  }

  @Test
  void celWithoutAppsOrWithHarmlessAppsOrDisabledPasses() throws IOException {
    cel("events = CHAN_START,CHAN_END,ANSWER,HANGUP");
    assertThat(conf.run(new CelAppDataRule())).isEmpty();
    cel("apps = queue,agi", "events = APP_START,APP_END,HANGUP");
    assertThat(conf.run(new CelAppDataRule())).isEmpty();
    conf.file("cel.conf", "[general]", "enable = no", "apps = read", "events = ALL");
    assertThat(conf.run(new CelAppDataRule())).isEmpty();
  }

  @Test
  void customMappingsThatStoreApplicationDataAreFlagged() throws IOException {
    conf.file(
        "cdr_custom.conf",
        "[mappings]",
        "Master.csv => ${CSV_QUOTE(${CDR(clid)})},${CSV_QUOTE(${CDR(lastdata)})}");
    conf.file(
        "cel_custom.conf",
        "[mappings]",
        "Master.csv => ${CSV_QUOTE(${eventtype})},${CSV_QUOTE(${eventextra})}");
    conf.file(
        "cdr_sqlite3_custom.conf", "[master]", "table => cdr", "values => '${CALLERID(dnid)}'");
    assertThat(conf.run(new CdrMappingRule()))
        .extracting(f -> f.where().file().getFileName() + ":" + f.where().line() + " " + f.what())
        .containsExactlyInAnyOrder(
            "cdr_custom.conf:2 cdr_custom.conf stores lastdata, which carries application"
                + " arguments or keyed digits",
            "cel_custom.conf:2 cel_custom.conf stores eventextra, which carries application"
                + " arguments or keyed digits",
            "cdr_sqlite3_custom.conf:3 cdr_sqlite3_custom.conf stores dnid, which carries"
                + " application arguments or keyed digits");
  }

  @Test
  void advancedMappingsAndChannelFunctionsThatStoreApplicationDataAreFlagged() throws IOException {
    conf.file(
        "cel_custom.conf",
        "[cel.csv]",
        "format = dsv",
        "fields = EventType,\"AppData\",EventTime(int64^noquote),AppData(noquote),UniqueID",
        "[mappings]",
        "Master.csv => ${CSV_QUOTE(${CHANNEL(appdata)})}");
    conf.file("cdr_custom.conf", "[cdr.json]", "format = json", "fields = src, dst, userfield");
    assertThat(conf.run(new CdrMappingRule()))
        .extracting(f -> f.where().file().getFileName() + ":" + f.where().line())
        .containsExactlyInAnyOrder("cel_custom.conf:3", "cel_custom.conf:5", "cdr_custom.conf:3");
  }

  @Test
  void advancedMappingsWithoutApplicationDataPass() throws IOException {
    conf.file(
        "cel_custom.conf",
        "[cel.csv]",
        "format = dsv",
        "fields = EventType,EventTime,Name,Num,Exten,Context,ChanName,UniqueID,LinkedID,Peer,"
            + "\"AppData, a literal\"");
    assertThat(conf.run(new CdrMappingRule())).isEmpty();
  }

  @Test
  void customMappingsWithoutApplicationDataPass() throws IOException {
    conf.file(
        "cdr_custom.conf",
        "[mappings]",
        "Master.csv => ${CSV_QUOTE(${CDR(src)})},${CDR(start)},${CDR(billsec)},${CDR(lastapp)}");
    assertThat(conf.run(new CdrMappingRule())).isEmpty();
  }

  @Test
  void aDialplanThatCollectsKeysOrWritesTheUserfieldIsFlagged() throws IOException {
    conf.file(
        "extensions.conf",
        "[ivr]",
        "exten => s,1,Read(PIN,enter-pin,4)",
        " same => n,Set(CDR(userfield)=${PIN})",
        " same => n,ReadExten(EXT)",
        " same => n,AGI(agi://engine/city/parking-ticket)");
    assertThat(conf.run(new DialplanInputRule()))
        .extracting(f -> f.where().line() + " " + f.severity())
        .containsExactly("2 ERROR", "3 WARNING", "4 ERROR");
  }

  @Test
  void aDialplanThatLeavesInputToTheEnginePasses() throws IOException {
    conf.file(
        "extensions.conf",
        "[ivr]",
        "exten => s,1,Set(TABULA_TRANSFER=)",
        " same => n,AGI(agi://engine/city/parking-ticket)");
    assertThat(conf.run(new DialplanInputRule())).isEmpty();
  }

  @Test
  void parserProblemsOfEveryFileReadBecomeFindings() throws IOException {
    conf.file("logger.conf", "[logfiles]", "#include missing.conf", "messages => notice");
    conf.file("manager.conf", "[general", "enabled = yes");
    var config = new io.tabula.ops.asterisk.lint.AsteriskConfig(dir);
    new LoggerLevelsRule().check(config, ConfFolder.NO_FLOWS);
    new ManagerDebugRule().check(config, ConfFolder.NO_FLOWS);
    assertThat(new ConfSyntaxRule().check(config, ConfFolder.NO_FLOWS))
        .extracting(f -> f.where().file().getFileName() + ":" + f.where().line())
        .containsExactlyInAnyOrder("logger.conf:2", "manager.conf:1", "manager.conf:2");
  }

  @Test
  void cleanFilesGiveNoSyntaxFindings() throws IOException {
    conf.file("logger.conf", "[logfiles]", "messages => notice");
    var config = new io.tabula.ops.asterisk.lint.AsteriskConfig(dir);
    new LoggerLevelsRule().check(config, ConfFolder.NO_FLOWS);
    assertThat(new ConfSyntaxRule().check(config, ConfFolder.NO_FLOWS)).isEmpty();
  }
}
