package io.tabula.engine.residue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The residue test engine's own folders, laid out like a small installation: {@code config/}
 * (tabula.yaml, the Logback file and, from {@link CustomerSide}, tenant files and secrets), {@code
 * logs/} (the engine's log files, text and JSON lines), {@code tmp/} (its {@code java.io.tmpdir}).
 * The engine runs with this folder as its working directory, so everything it writes by a relative
 * path or to its temporary folder lands here and is scanned.
 *
 * <pre>{@code
 * EngineHome home = EngineHome.create(dir);
 * home.writeConfig(tenantsDir);
 * EngineProcess engine = EngineProcess.start(home.processOptions(List.of()));
 * }</pre>
 */
public record EngineHome(Path root) {

  /** The shipped text layout, plus the shipped JSON encoder, both inside the masking appender. */
  private static final String LOGBACK =
      """
      <configuration>
        <contextListener class="io.tabula.masking.log.JulBridge"/>
        <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
          <filter class="ch.qos.logback.classic.filter.ThresholdFilter"><level>INFO</level></filter>
          <target>System.err</target>
          <encoder><pattern>%-5level %logger{30} - %msg%n</pattern></encoder>
        </appender>
        <appender name="text" class="ch.qos.logback.core.FileAppender">
          <file>logs/tabula.log</file>
          <encoder>
            <pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%X{tenant:--} %X{call:--}] %logger{30} - %msg%n</pattern>
          </encoder>
        </appender>
        <appender name="json" class="ch.qos.logback.core.FileAppender">
          <file>logs/tabula.json</file>
          <encoder class="net.logstash.logback.encoder.LogstashEncoder">
            <includeMdcKeyName>call</includeMdcKeyName>
            <includeMdcKeyName>tenant</includeMdcKeyName>
            <includeMdcKeyName>flow</includeMdcKeyName>
          </encoder>
        </appender>
        <appender name="masked" class="io.tabula.masking.log.MaskingAppender">
          <appender-ref ref="console"/>
          <appender-ref ref="text"/>
          <appender-ref ref="json"/>
        </appender>
        <root level="DEBUG">
          <appender-ref ref="masked"/>
        </root>
      </configuration>
      """;

  public static EngineHome create(Path root) throws IOException {
    EngineHome home = new EngineHome(root);
    Files.createDirectories(home.config());
    Files.createDirectories(home.logs());
    Files.createDirectories(home.tmp());
    return home;
  }

  public Path config() {
    return root.resolve("config");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /**
   * Writes tabula.yaml (free ports, 256 call slots, the tenant folder) and the Logback file. The
   * virtual PBX records nothing, so the file says {@code recording: none} (serve refuses secure
   * flows without an AMI link otherwise); the 1 MiB pool must be locked, as in production.
   */
  public void writeConfig(Path tenantsDir) throws IOException {
    writeConfig(
        tenantsDir,
        """
        recording: none
        # The virtual PBX plays no sound files.
        prompts:
          check: "off"
        """);
  }

  /**
   * As {@link #writeConfig(Path)}, with more top-level YAML sections instead of {@code recording:
   * none} and the prompt check off (e.g. {@code ami:} for a real Asterisk, whose recordings the
   * engine mutes).
   */
  public void writeConfig(Path tenantsDir, String moreYaml) throws IOException {
    Files.writeString(
        config().resolve("tabula.yaml"),
        """
        agi:
          port: 0
        admin:
          port: 0
        memory:
          slots: 256
          protections: required
        tenants:
          dir: %s
        """
                .formatted(tenantsDir)
            + moreYaml);
    Files.writeString(config().resolve("logback.xml"), LOGBACK);
  }

  /** How to start {@code serve} here; {@code extraJvmOptions} e.g. a canary property. */
  public EngineProcess.Options processOptions(List<String> extraJvmOptions) {
    List<String> jvm =
        new java.util.ArrayList<>(
            List.of(
                "-Djava.io.tmpdir=" + tmp(),
                "-Dlogback.configurationFile=" + config().resolve("logback.xml")));
    jvm.addAll(extraJvmOptions);
    return new EngineProcess.Options(
        root,
        jvm,
        List.of("--config", config().resolve("tabula.yaml").toString()),
        Map.of("TABULA_LOG_FORMAT", "text"));
  }
}
