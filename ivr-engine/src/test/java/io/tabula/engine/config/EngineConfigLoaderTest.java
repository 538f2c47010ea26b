package io.tabula.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigLoaderTest {

  @Test
  void startsOnDefaultsWithoutAFile() {
    EngineConfig config = EngineConfigLoader.load(null, Map.of());

    assertThat(config.address()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(4573);
    assertThat(config.limits().maxLineBytes()).isEqualTo(8192);
    assertThat(config.limits().headerTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.call().hangupGrace()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.memory().slots()).isEqualTo(10_000);
    assertThat(config.shutdownDeadline()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(
        file,
        "agi:\n  port: 5000\n  maxLineBytes: 4096\ncall:\n  commandTimeout: 3s\nmemory:\n  slots: 64\n");

    EngineConfig config = EngineConfigLoader.load(file, Map.of("TABULA_AGI_PORT", "6000"));

    assertThat(config.port()).isEqualTo(6000);
    assertThat(config.limits().maxLineBytes()).isEqualTo(4096);
    assertThat(config.call().commandTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.memory().slots()).isEqualTo(64);
  }

  @Test
  void promptCheckAndUnmuteGraceAreRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(
        file,
        "prompts:\n  soundsDirs: /a, /b\n  check: off\n  languages: en,es\n"
            + "call:\n  unmuteGrace: 5s\n");

    EngineConfig config = EngineConfigLoader.load(file, Map.of());
    EngineConfig defaults = EngineConfig.defaults();

    assertThat(config.flows().prompts())
        .isEqualTo(
            new PromptsSettings(
                java.util.List.of("/a", "/b"),
                PromptsSettings.Check.OFF,
                java.util.List.of("en", "es")));
    assertThat(config.call().unmuteGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.flows().prompts().check()).isEqualTo(PromptsSettings.Check.REQUIRED);
    assertThat(defaults.call().unmuteGrace()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theFastAgiGuardDefaultsToLoopbackAndCapsThatFollowTheSlots() throws Exception {
    EngineConfig config = EngineConfigLoader.load(null, Map.of("TABULA_MEMORY_SLOTS", "200"));

    assertThat(config.guard().allowedPeers())
        .extracting(Object::toString)
        .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128");
    assertThat(config.guard().totalCap(config.memory().slots())).isEqualTo(264);
    assertThat(config.guard().perPeerCap(config.memory().slots())).isEqualTo(264);
    assertThat(config.guard().totalCap(1000)).as("a quarter above the slots").isEqualTo(1250);
  }

  @Test
  void aHostNameOrBadBlockInTheAllowListIsAConfigurationError() {
    assertThatThrownBy(
            () -> EngineConfigLoader.load(null, Map.of("TABULA_AGI_ALLOWED_PEERS", "pbx1.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agi.allowedPeers")
        .hasMessageContaining("pbx1.example")
        .hasMessageContaining("ami.host");
    assertThatThrownBy(
            () ->
                EngineConfigLoader.load(
                    null,
                    Map.of(
                        "TABULA_AGI_MAX_CONNECTIONS", "10",
                        "TABULA_AGI_MAX_CONNECTIONS_PER_PEER", "20")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agi.maxConnectionsPerPeer");
  }

  @Test
  void theFailClosedDefaultsProtect() {
    EngineConfig config = EngineConfigLoader.load(null, Map.of());

    assertThat(config.safeguards()).isEqualTo(Safeguards.defaults());
    assertThat(config.safeguards().recording()).isEqualTo(RecordingMode.MIXMONITOR);
    assertThat(config.safeguards().memoryProtections()).isEqualTo(MemoryProtectionPolicy.REQUIRED);
    assertThat(config.safeguards().selftestFlows()).isFalse();
    assertThat(config.admin().tokenFile()).isEmpty();
  }

  @Test
  void eachRelaxationIsAnExplicitSetting(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(
        file,
        "recording: none\nmemory:\n  protections: waived\nselftest:\n  enabled: true\n"
            + "admin:\n  tokenFile: /run/secrets/admin-token\n");

    EngineConfig config = EngineConfigLoader.load(file, Map.of());

    assertThat(config.safeguards())
        .isEqualTo(new Safeguards(RecordingMode.NONE, MemoryProtectionPolicy.WAIVED, true));
    assertThat(config.admin().tokenFile()).isEqualTo("/run/secrets/admin-token");
    assertThat(
            EngineConfigLoader.load(null, Map.of("TABULA_RECORDING", "none"))
                .safeguards()
                .recording())
        .isEqualTo(RecordingMode.NONE);
  }

  @Test
  void anUnknownRecordingOrProtectionValueIsAnError() {
    assertThatThrownBy(() -> EngineConfigLoader.load(null, Map.of("TABULA_RECORDING", "off")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("recording must be mixmonitor")
        .hasMessageContaining("none");
    assertThatThrownBy(
            () -> EngineConfigLoader.load(null, Map.of("TABULA_MEMORY_PROTECTIONS", "false")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("memory.protections must be required or waived");
  }

  @Test
  void everySettingHasAnEnvironmentVariable() {
    assertThat(Setting.ALL)
        .extracting(Setting::environmentVariable)
        .doesNotHaveDuplicates()
        .allMatch(v -> v.matches("TABULA_[A-Z0-9_]+"));
    assertThat(new Setting("agi.maxLineBytes", "", "").environmentVariable())
        .isEqualTo("TABULA_AGI_MAX_LINE_BYTES");
  }

  @Test
  void everySettingIsDocumentedWithItsDefaultAndVariable() throws IOException {
    Path docs = Path.of(System.getProperty("tabula.repo.dir", "..")).resolve("docs/engine.md");
    String text = Files.readString(docs);
    for (Setting setting : Setting.ALL) {
      assertThat(text)
          .contains(
              "`" + setting.key() + "`",
              "`" + setting.environmentVariable() + "`",
              "`" + setting.defaultValue() + "`");
    }
  }

  @Test
  void aTypoIsAnErrorThatSaysWhereToLook(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(file, "agi:\n  prot: 5000\n");

    assertThatThrownBy(() -> EngineConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agi.prot")
        .hasMessageContaining("docs/engine.md");
  }

  @Test
  void drainTimeoutIsEmptyByDefaultAndReadFromTheEnvironment() {
    assertThat(EngineConfig.defaults().drainTimeout()).isEmpty();
    assertThat(EngineConfigLoader.load(null, Map.of("TABULA_DRAIN_TIMEOUT", "90s")).drainTimeout())
        .contains(Duration.ofSeconds(90));
    assertThatThrownBy(() -> EngineConfigLoader.load(null, Map.of("TABULA_DRAIN_TIMEOUT", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("drain.timeout");
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(
            () -> EngineConfigLoader.load(null, Map.of("TABULA_AGI_HEADER_TIMEOUT", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agi.headerTimeout");
    assertThatThrownBy(() -> EngineConfigLoader.load(null, Map.of("TABULA_AGI_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agi.port");
  }

  @Test
  void aBadValueInTheFileIsReportedAtItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(file, "agi:\n  port: 4573\ncall:\n  commandTimeout: soon\n");

    assertThatThrownBy(() -> EngineConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":4:19: error: call.commandTimeout must be a duration; fix: write it like 500ms,"
                + " 5s, 2m or 1h (see docs/engine.md)");
  }

  @Test
  void anUnknownKeyIsReportedAtItsPosition(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(file, "agi:\n  prot: 5000\n");

    assertThatThrownBy(() -> EngineConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith(file + ":2:3: error: unknown setting 'agi.prot'");
  }

  @Test
  void aTabIndentedFileSaysLineColumnAndToIndentWithSpaces(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(file, "agi:\n\tport: 5000\n");

    assertThatThrownBy(() -> EngineConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":2:1: error: ")
        .hasMessageContaining("fix: indent with spaces, not tabs")
        .hasMessageNotContaining("MarkedYAMLException");
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> EngineConfigLoader.load(null, Map.of("TABULA_AGI_PORT", "many")))
        .hasMessage(
            "environment variable TABULA_AGI_PORT: error: agi.port must be a whole number;"
                + " fix: see docs/engine.md for its range");
  }

  @Test
  void aValueARecordRefusesIsReportedAtItsPositionToo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tabula.yaml");
    Files.writeString(file, "flows:\n  pollInterval: 0s\n");

    assertThatThrownBy(() -> EngineConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith(file + ":2:17: error: flows.pollInterval must be positive");
  }
}
