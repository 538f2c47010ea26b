package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/helm/tabula read as text: the chart's metadata and values parse, the engine settings in
 * the values load with the engine's own loader and equal the kustomize base's ConfigMap, every
 * {@code .Values} path a template reads exists, the defaults mirror the base (which {@link
 * KubernetesManifestsTest} parses into the Kubernetes model), and the engine template holds the
 * probes and protections verbatim. What the chart renders is checked by {@link HelmRenderTest}.
 */
class HelmChartTest {

  static final Path CHART = Path.of("helm/tabula").toAbsolutePath();
  private static final Pattern VALUES_PATH = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");

  @TempDir Path scratch;

  @Test
  void chartMetadataIsHelm3() throws IOException {
    Map<String, Object> chart = yaml(CHART.resolve("Chart.yaml"));
    assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "tabula");
    assertThat((String) chart.get("version")).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void theEngineSettingsInTheValuesLoadAndEqualTheBaseConfigMap() throws IOException {
    Map<String, Object> engineConfig = map(values(), "engine", "config");
    Path file = scratch.resolve("tabula.yaml");
    Files.writeString(file, new Yaml().dump(engineConfig));
    EngineConfig config = EngineConfigLoader.load(file, Map.of());
    assertThat(config.port()).isEqualTo(4573);
    assertThat(config.admin().port()).isEqualTo(9573);

    ConfigMap base =
        (ConfigMap)
            KubernetesModel.read(
                    KubernetesManifestsTest.KUBERNETES.resolve("base/engine-configmap.yaml"))
                .getFirst();
    Object baseSettings = new Yaml().load(base.getData().get("tabula.yaml"));
    assertThat(engineConfig).isEqualTo(baseSettings);
  }

  @Test
  void everyValuesPathATemplateReadsExists() throws IOException {
    Map<String, Object> values = values();
    TreeSet<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      Matcher m = VALUES_PATH.matcher(Files.readString(template));
      while (m.find()) {
        if (!exists(values, m.group(1).substring(1).split("\\."))) {
          missing.add(template.getFileName() + ": .Values" + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theDefaultsMirrorTheKustomizeBase() throws IOException {
    List<HasMetadata> base = new ArrayList<>();
    for (String file : List.of("engine-deployment.yaml", "engine-hpa.yaml")) {
      base.addAll(KubernetesModel.read(KubernetesManifestsTest.KUBERNETES.resolve("base/" + file)));
    }
    Deployment deployment = (Deployment) base.get(0);
    HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) base.get(1);
    Container engine = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    Map<String, Object> values = values();

    Map<String, Object> engineValues = map(values, "engine");
    int drain = (Integer) engineValues.get("drainTimeoutSeconds");
    assertThat(engine.getEnv())
        .anyMatch(
            e -> e.getName().equals("TABULA_DRAIN_TIMEOUT") && e.getValue().equals(drain + "s"));
    assertThat(drain + (Integer) engineValues.get("drainMarginSeconds"))
        .isEqualTo(
            deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getTerminationGracePeriodSeconds()
                .intValue());
    assertThat(((Number) engineValues.get("runAsUser")).longValue())
        .isEqualTo(
            deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
    Map<String, Object> limits = map(values, "engine", "resources", "limits");
    assertThat(limits.get("memory"))
        .isEqualTo(engine.getResources().getLimits().get("memory").toString());
    assertThat(limits.get("cpu"))
        .isEqualTo(engine.getResources().getLimits().get("cpu").toString());

    Map<String, Object> autoscaling = map(values, "autoscaling");
    assertThat(autoscaling.get("minReplicas")).isEqualTo(hpa.getSpec().getMinReplicas());
    assertThat(autoscaling.get("maxReplicas")).isEqualTo(hpa.getSpec().getMaxReplicas());
    assertThat(String.valueOf(autoscaling.get("callsPerEngine")))
        .isEqualTo(
            hpa.getSpec()
                .getMetrics()
                .getFirst()
                .getPods()
                .getTarget()
                .getAverageValue()
                .toString());
  }

  @Test
  void theEngineTemplateHoldsTheProbesAndProtections() throws IOException {
    String deployment = Files.readString(CHART.resolve("templates/engine-deployment.yaml"));
    assertThat(deployment)
        .contains("httpGet: {path: /ready, port: admin}")
        .contains("httpGet: {path: /live, port: admin}")
        .contains("containerPort: {{ $cfg.agi.port }}")
        .contains("containerPort: {{ $cfg.admin.port }}")
        .contains("readOnlyRootFilesystem: true")
        .contains("runAsNonRoot: true")
        .contains("allowPrivilegeEscalation: false")
        .contains("drop: [\"ALL\"]")
        .contains("add: [\"IPC_LOCK\"]")
        .contains("ulimit -c 0")
        .contains("-XX:-CreateCoredumpOnCrash")
        .contains("{{- toYaml .Values.engine.resources | nindent 12 }}");
    String service = Files.readString(CHART.resolve("templates/engine-service.yaml"));
    assertThat(service).contains("clusterIP: None").contains("{name: agi,");
  }

  private static boolean exists(Map<String, Object> values, String[] path) {
    Object node = values;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return false;
      }
      node = map.get(key);
    }
    return true;
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
      return files.sorted().toList();
    }
  }

  private static Map<String, Object> values() throws IOException {
    return yaml(CHART.resolve("values.yaml"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> root, String... path) {
    Object node = root;
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>)
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }
}
