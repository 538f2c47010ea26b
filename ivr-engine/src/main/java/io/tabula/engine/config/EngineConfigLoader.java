package io.tabula.engine.config;

import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.server.guard.GuardConfig;
import io.tabula.engine.session.CallSettings;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the engine's YAML file (optional) and applies environment overrides on top. Precedence:
 * environment variable, then file, then default. Unknown keys are an error, so a typo cannot
 * silently fall back to a default.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfigLoader.load(Path.of("tabula.yaml"), System.getenv());
 * }</pre>
 */
public final class EngineConfigLoader {

  private static final Pattern DURATION = Pattern.compile("(\\d+)" + DurationUnits.PATTERN);

  private EngineConfigLoader() {}

  /**
   * @param file the YAML file, or null for defaults and environment only
   */
  public static EngineConfig load(Path file, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    if (file != null) {
      readFile(file)
          .forEach(
              (key, located) -> {
                values.put(key, located.value());
                origins.put(key, located.where());
              });
    }
    for (Setting setting : Setting.ALL) {
      String fromEnv = environment.get(setting.environmentVariable());
      if (fromEnv != null) {
        values.put(setting.key(), fromEnv.trim());
        origins.put(setting.key(), "environment variable " + setting.environmentVariable());
      }
      values.putIfAbsent(setting.key(), setting.defaultValue());
      origins.putIfAbsent(setting.key(), "the default of " + setting.key());
    }
    Values v = new Values(values, origins);
    try {
      return build(v);
    } catch (ConfigException | IllegalArgumentException e) {
      throw v.placed(e);
    }
  }

  private static EngineConfig build(Values v) {
    try {
      AgiLimits limits =
          new AgiLimits(
              v.integer("agi.maxLineBytes"),
              v.integer("agi.maxHeaderBytes"),
              v.duration("agi.headerTimeout"));
      CallSettings call =
          new CallSettings(
              v.duration("call.commandTimeout"),
              v.duration("call.mediaTimeout"),
              v.duration("call.hangupGrace"),
              v.duration("call.closeLinger"),
              v.text("call.transferVariable"),
              v.text("call.notAvailablePrompt"),
              v.text("call.pleaseCallBackPrompt"),
              v.duration("call.unmuteGrace"));
      CallMemoryPoolConfig memory =
          new CallMemoryPoolConfig(
              v.integer("memory.slots"),
              v.integer("memory.slotBytes"),
              v.bool("memory.lockInMemory"),
              v.bool("memory.excludeFromCoreDumps"));
      return new EngineConfig(
          v.text("agi.address"),
          v.integer("agi.port"),
          v.text("agi.transport"),
          v.integer("agi.ioThreads"),
          limits,
          call,
          memory,
          v.duration("shutdown.deadline"),
          v.text("drain.timeout").isEmpty()
              ? java.util.Optional.empty()
              : java.util.Optional.of(v.duration("drain.timeout")),
          new FlowsSettings(
              v.text("flows.store"),
              v.duration("flows.pollInterval"),
              PromptsSettings.parse(
                  v.text("prompts.soundsDirs"),
                  v.text("prompts.check"),
                  v.text("prompts.languages")),
              new PostgresStoreSettings(
                  v.text("flows.postgres.url"),
                  v.text("flows.postgres.user"),
                  v.text("flows.postgres.passwordFile"),
                  v.text("flows.postgres.caCertificate"),
                  v.bool("flows.postgres.listen"))),
          new AdminConfig(
              v.text("admin.address"), v.integer("admin.port"), v.text("admin.tokenFile")),
          new AmiSettings(
              v.text("ami.host"),
              v.integer("ami.port"),
              v.text("ami.username"),
              v.text("ami.secretFile")),
          new TenantsSettings(v.text("tenants.dir"), v.text("journal.config")),
          safeguards(v),
          guard(v));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "invalid configuration: " + e.getMessage() + "; see docs/engine.md", e);
    }
  }

  /** The fail-closed settings of issue #14 (recording, memory.protections, selftest.enabled). */
  private static Safeguards safeguards(Values v) {
    return new Safeguards(
        RecordingMode.parse(v.text("recording")),
        MemoryProtectionPolicy.parse(v.text("memory.protections")),
        v.bool("selftest.enabled"));
  }

  /** The FastAGI listener's guard: {@code agi.allowedPeers} and the connection caps. */
  private static GuardConfig guard(Values v) {
    return new GuardConfig(
        GuardConfig.parsePeers(v.text("agi.allowedPeers")),
        v.integer("agi.maxConnections"),
        v.integer("agi.maxConnectionsPerPeer"));
  }

  /** The file's settings, each checked against {@link Setting#ALL} at the position of its key. */
  private static Map<String, ConfigFile.Located> readFile(Path file) {
    Map<String, ConfigFile.Located> values = ConfigFile.read(file);
    values.forEach(
        (key, located) -> {
          if (Setting.ALL.stream().noneMatch(s -> s.key().equals(key))) {
            throw new ConfigException(
                located.keyWhere()
                    + ": error: unknown setting '"
                    + key
                    + "'; fix: use one of the settings listed in docs/engine.md");
          }
        });
    return values;
  }

  /** Typed access to the merged values, with errors placed where each value was written. */
  private record Values(Map<String, String> raw, Map<String, String> origins) {

    /** Marks a message as already placed, so {@link #placed} leaves it alone. */
    private static final String ERROR = ": error: ";

    String text(String key) {
      return raw.get(key);
    }

    int integer(String key) {
      try {
        return Integer.parseInt(raw.get(key));
      } catch (NumberFormatException e) {
        throw error(key, key + " must be a whole number", "see docs/engine.md for its range");
      }
    }

    boolean bool(String key) {
      String value = raw.get(key);
      if (!value.equals("true") && !value.equals("false")) {
        throw error(key, key + " must be true or false", "write true or false");
      }
      return Boolean.parseBoolean(value);
    }

    Duration duration(String key) {
      Matcher m = DURATION.matcher(raw.get(key));
      if (!m.matches()) {
        throw error(
            key,
            key + " must be a duration",
            "write it like 500ms, 5s, 2m or 1h (see docs/engine.md)");
      }
      return DurationUnits.of(Long.parseLong(m.group(1)), m.group(2));
    }

    private ConfigException error(String key, String what, String fix) {
      return new ConfigException(origins.get(key) + ERROR + what + "; fix: " + fix);
    }

    /**
     * A refusal from a settings record, placed at the setting its message names (the longest match,
     * so agi.port is not taken for ami.port's prefix).
     */
    ConfigException placed(RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains(ERROR)) {
        return e instanceof ConfigException config ? config : new ConfigException(message, e);
      }
      return Setting.ALL.stream()
          .map(Setting::key)
          .filter(message::contains)
          .max(java.util.Comparator.comparingInt(String::length))
          .map(key -> new ConfigException(origins.get(key) + ERROR + message, e))
          .orElseGet(() -> new ConfigException(message, e));
    }
  }
}
