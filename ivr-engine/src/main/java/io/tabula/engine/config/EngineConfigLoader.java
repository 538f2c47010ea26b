package io.tabula.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.server.guard.GuardConfig;
import io.tabula.engine.session.CallSettings;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
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
    if (file != null) {
      values.putAll(readFile(file));
    }
    for (Setting setting : Setting.ALL) {
      String fromEnv = environment.get(setting.environmentVariable());
      if (fromEnv != null) {
        values.put(setting.key(), fromEnv.trim());
      }
      values.putIfAbsent(setting.key(), setting.defaultValue());
    }
    return build(new Values(values));
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
          new FlowsSettings(
              v.text("flows.store"),
              v.duration("flows.pollInterval"),
              PromptsSettings.parse(
                  v.text("prompts.soundsDirs"),
                  v.text("prompts.check"),
                  v.text("prompts.languages"))),
          new AdminConfig(
              v.text("admin.address"), v.integer("admin.port"), v.text("admin.tokenFile")),
          new AmiSettings(
              v.text("ami.host"),
              v.integer("ami.port"),
              v.text("ami.username"),
              v.text("ami.secretFile")),
          new TenantsSettings(v.text("tenants.dir")),
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

  private static Map<String, String> readFile(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read the configuration file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); check the path and the YAML syntax",
          e);
    }
    Map<String, String> flat = new HashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new ConfigException(file + " must be a YAML mapping such as 'agi: {port: 4573}'");
      }
      flatten("", root, flat);
    }
    for (String key : flat.keySet()) {
      if (Setting.ALL.stream().noneMatch(s -> s.key().equals(key))) {
        throw new ConfigException(
            "unknown setting '"
                + key
                + "' in "
                + file
                + "; the settings are listed in docs/engine.md");
      }
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      if (entry.getValue().isObject()) {
        flatten(key, entry.getValue(), flat);
      } else {
        flat.put(key, entry.getValue().asText());
      }
    }
  }

  /** Typed access to the merged values, with errors that name the setting. */
  private record Values(Map<String, String> raw) {

    String text(String key) {
      return raw.get(key);
    }

    int integer(String key) {
      try {
        return Integer.parseInt(raw.get(key));
      } catch (NumberFormatException e) {
        throw new ConfigException(key + " must be a whole number; see docs/engine.md", e);
      }
    }

    boolean bool(String key) {
      String value = raw.get(key);
      if (!value.equals("true") && !value.equals("false")) {
        throw new ConfigException(key + " must be true or false");
      }
      return Boolean.parseBoolean(value);
    }

    Duration duration(String key) {
      Matcher m = DURATION.matcher(raw.get(key));
      if (!m.matches()) {
        throw new ConfigException(key + " must be a duration such as 500ms, 5s, 2m or 1h");
      }
      return DurationUnits.of(Long.parseLong(m.group(1)), m.group(2));
    }
  }
}
