package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart's PostgreSQL flow store without helm (not installed on the build machines): the {@code
 * flows} section that {@code tabula.engineConfig} writes from the {@code flowStore} values loads
 * with the engine's own loader, the files it names are in folders that the engine and the console
 * mount read-only from the password Secret and the CA Secret or ConfigMap, the console publishes
 * with {@code --engine-config} on the engines' ConfigMap, and every {@code .Values} path exists.
 * What this cannot see is a template that renders wrong YAML; docs/scaling.md says how to check
 * that with helm.
 */
class HelmFlowStoreTest {

  private static final Pattern DEFINE =
      Pattern.compile("\\{\\{- define \"([^\"]+)\" -}}(.*?)\\{\\{- end -}}", Pattern.DOTALL);
  private static final Pattern MOUNT =
      Pattern.compile(
          "- \\{name: ([a-z-]+), mountPath: \\{\\{ include \"([^\"]+)\" \\. }}, readOnly: (\\w+)}");
  private static final Pattern VALUES_PATH = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");
  private static final String ENGINE_CONFIG = "/etc/tabula/tabula.yaml";

  @TempDir Path scratch;

  @Test
  void theChartSetsUpThePostgresStoreForTheEnginesAndTheConsole() throws IOException {
    assertThat(problems(chart())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "values.yaml;pollInterval: 30s;pollInterval: 0s;flows.pollInterval must be positive",
        "templates/_helpers.tpl;path: password};path: pw};items put no file 'password'",
        "templates/_helpers.tpl;flowStorePasswordDir\" . }}, readOnly: true};flowStorePasswordDir\" . }}, readOnly: false};not mounted read-only",
        "templates/_helpers.tpl;(include \"tabula.flowStoreCaDir\" .);(include \"tabula.flowStorePasswordDir\" .);caCertificate",
        "templates/console.yaml;{{- include \"tabula.flowStoreMounts\" . | nindent 12 }};;console.yaml does not mount",
        "templates/console.yaml;--engine-config /etc/tabula/tabula.yaml;--store /var/lib/tabula/flows;--engine-config",
        "templates/console.yaml;mountPath: /etc/tabula/tabula.yaml, subPath;mountPath: /etc/tabula.yaml, subPath;engines' ConfigMap",
        "templates/engine-configmap.yaml;include \"tabula.engineConfig\" .;toYaml .Values.engine.config;tabula.engineConfig",
        "templates/engine-deployment.yaml;{{- include \"tabula.flowStoreVolumes\" . | nindent 8 }};;engine-deployment.yaml does not mount",
        "templates/_helpers.tpl;.Values.flowStore.passwordSecret.name;.Values.flowStore.passwordSecretName;.Values.flowStore.passwordSecretName",
      })
  void theChecksCatchABrokenChart(String file, String from, String to, String problem)
      throws IOException {
    Map<String, String> chart = chart();
    assertThat(chart.get(file)).contains(from);
    chart.put(file, chart.get(file).replace(from, to == null ? "" : to));
    assertThat(problems(chart)).anyMatch(p -> p.contains(problem));
  }

  /** What is wrong with the chart's PostgreSQL store; empty when nothing is. */
  private List<String> problems(Map<String, String> chart) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Object> values = yaml(chart.get("values.yaml"));
    missingValuesPaths(chart, values, problems);
    String helpers = chart.get("templates/_helpers.tpl");
    Map<String, String> defines = new TreeMap<>();
    Matcher d = DEFINE.matcher(helpers);
    while (d.find()) {
      defines.put(d.group(1), d.group(2).strip());
    }
    EngineConfig config;
    try {
      config = load(postgresSettings(values, defines.get("tabula.engineConfig"), defines));
    } catch (ConfigException e) {
      problems.add("the postgres settings do not load: " + e.getMessage());
      return problems;
    }
    Map<String, String> readOnlyMounts = readOnlyMounts(defines, problems);
    fileIsMounted(
        "passwordFile",
        config.flows().postgres().passwordFile(),
        "flow-store-password",
        readOnlyMounts,
        defines,
        problems);
    fileIsMounted(
        "caCertificate",
        config.flows().postgres().caCertificate(),
        "flow-store-ca",
        readOnlyMounts,
        defines,
        problems);
    for (String template : List.of("templates/engine-deployment.yaml", "templates/console.yaml")) {
      String text = chart.get(template);
      if (!text.contains("include \"tabula.flowStoreMounts\"")
          || !text.contains("include \"tabula.flowStoreVolumes\"")) {
        problems.add(template + " does not mount the flow store's password and CA");
      }
    }
    consoleUsesTheEnginesConfig(chart.get("templates/console.yaml"), problems);
    if (!chart.get("templates/engine-configmap.yaml").contains("include \"tabula.engineConfig\"")) {
      problems.add("the ConfigMap's tabula.yaml is not tabula.engineConfig (the flowStore values)");
    }
    return problems;
  }

  /**
   * The flows section {@code tabula.engineConfig} writes for {@code flowStore.type: postgres}, with
   * the database the operator must name; the file paths are taken from the helper's own text.
   */
  private static Map<String, Object> postgresSettings(
      Map<String, Object> values, String engineConfig, Map<String, String> defines) {
    Map<String, Object> flowStore = HelmChartTest.map(values, "flowStore");
    Map<String, Object> postgres = new LinkedHashMap<>();
    postgres.put("url", "postgresql://flows-db.example.com:5432/tabula_flows");
    postgres.put("user", "tabula_flows");
    postgres.put("listen", flowStore.get("listen"));
    postgres.put("passwordFile", helperPath(engineConfig, "passwordFile", defines));
    postgres.put("caCertificate", helperPath(engineConfig, "caCertificate", defines));
    Map<String, Object> settings =
        new LinkedHashMap<>(HelmChartTest.map(values, "engine", "config"));
    settings.put(
        "flows",
        Map.of(
            "store",
            "postgres",
            "pollInterval",
            flowStore.get("pollInterval"),
            "postgres",
            postgres));
    return settings;
  }

  /** {@code set $postgres "KEY" (printf "%s/FILE" (include "DEFINE" .))} as the path it makes. */
  private static String helperPath(String engineConfig, String key, Map<String, String> defines) {
    Matcher m =
        Pattern.compile(
                "\"" + key + "\" \\(printf \"%s/([^\"]+)\" \\(include \"([^\"]+)\" \\.\\)\\)")
            .matcher(engineConfig == null ? "" : engineConfig);
    if (!m.find()) {
      return "";
    }
    return defines.getOrDefault(m.group(2), "?") + "/" + m.group(1);
  }

  /** mountPath -> volume name of the read-only mounts in {@code tabula.flowStoreMounts}. */
  private static Map<String, String> readOnlyMounts(
      Map<String, String> defines, List<String> problems) {
    Map<String, String> mounts = new TreeMap<>();
    Matcher m = MOUNT.matcher(defines.getOrDefault("tabula.flowStoreMounts", ""));
    while (m.find()) {
      String dir = defines.getOrDefault(m.group(2), "?");
      if (m.group(3).equals("true")) {
        mounts.put(dir, m.group(1));
      } else {
        problems.add(dir + " (" + m.group(1) + ") is not mounted read-only");
      }
    }
    return mounts;
  }

  private static void fileIsMounted(
      String setting,
      String file,
      String volume,
      Map<String, String> readOnlyMounts,
      Map<String, String> defines,
      List<String> problems) {
    int slash = file.lastIndexOf('/');
    String dir = slash < 0 ? "" : file.substring(0, slash);
    if (!volume.equals(readOnlyMounts.get(dir))) {
      problems.add(
          "flows.postgres." + setting + " " + file + " is not in the read-only mount of " + volume);
      return;
    }
    String volumes = defines.getOrDefault("tabula.flowStoreVolumes", "");
    int at = volumes.indexOf("- name: " + volume);
    int next = volumes.indexOf("- name: ", at + 1);
    String block = at < 0 ? "" : volumes.substring(at, next < 0 ? volumes.length() : next);
    String name = file.substring(slash + 1);
    if (!block.contains("path: " + name + "}")) {
      problems.add(
          volume + ": its items put no file '" + name + "' (flows.postgres." + setting + ")");
    }
    if (volume.equals("flow-store-password") && !block.contains("secret:")) {
      problems.add("the flow store's password does not come from a Secret");
    }
  }

  private static void consoleUsesTheEnginesConfig(String console, List<String> problems) {
    if (!console.contains("{{- if $postgres }} --engine-config " + ENGINE_CONFIG)) {
      problems.add("the console does not publish with --engine-config " + ENGINE_CONFIG);
    }
    if (!console.contains(
            "{name: config, mountPath: "
                + ENGINE_CONFIG
                + ", subPath: tabula.yaml, readOnly: true}")
        || !console.contains("configMap: {name: {{ .Release.Name }}-engine-config}")) {
      problems.add("the console does not mount the engines' ConfigMap at " + ENGINE_CONFIG);
    }
  }

  private static void missingValuesPaths(
      Map<String, String> chart, Map<String, Object> values, List<String> problems) {
    chart.forEach(
        (file, text) -> {
          if (!file.startsWith("templates/")) {
            return;
          }
          Matcher m = VALUES_PATH.matcher(text);
          while (m.find()) {
            if (!exists(values, m.group(1))) {
              problems.add(file + ": .Values" + m.group(1) + " is not in values.yaml");
            }
          }
        });
  }

  private static boolean exists(Map<String, Object> values, String path) {
    Object node = values;
    for (String key : path.substring(1).split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return false;
      }
      node = map.get(key);
    }
    return true;
  }

  private EngineConfig load(Map<String, Object> settings) throws IOException {
    Path file = Files.createTempFile(scratch, "tabula", ".yaml");
    Files.writeString(file, new Yaml().dump(settings));
    return EngineConfigLoader.load(file, Map.of());
  }

  private static Map<String, String> chart() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(HelmChartTest.CHART)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(HelmChartTest.CHART.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }
}
