package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes: every manifest file parses into the Kubernetes model with no unknown field,
 * and every kustomize rendering (base and overlays, rendered by {@code kubectl kustomize} where
 * kubectl is installed) passes {@link EngineDeploymentChecks}.
 */
class KubernetesManifestsTest {

  static final Path KUBERNETES = Path.of("kubernetes").toAbsolutePath();

  @TempDir Path scratch;

  @Test
  void everyManifestFileParsesIntoTheKubernetesModel() throws IOException {
    List<Path> files = manifestFiles();
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      assertThat(KubernetesModel.read(file)).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void theBaseFilesTogetherPassTheChecksWithoutKubectl() throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : manifestFiles()) {
      if (file.startsWith(KUBERNETES.resolve("base"))
          || file.startsWith(KUBERNETES.resolve("monitoring"))) {
        objects.addAll(KubernetesModel.read(file));
      }
    }
    new EngineDeploymentChecks(objects, scratch).checkAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
  void everyRenderedOverlayParsesAndPassesTheChecks(String folder) throws Exception {
    String rendered = kustomize(KUBERNETES.resolve(folder));
    List<HasMetadata> objects = KubernetesModel.parse(rendered, "kubectl kustomize " + folder);
    new EngineDeploymentChecks(objects, scratch).checkAll();
  }

  @Test
  void aMisspelledFieldIsRefused() {
    String typo =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec:
              containers:
                - name: c
                  image: i
                  securityContext: {readOnlyRootFileSystem: true}
        """;
    assertThatThrownBy(() -> KubernetesModel.parse(typo, "typo"))
        .hasMessageContaining(
            "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "engine-deployment.yaml|path: /ready|path: /healthz|/healthz",
        "engine-deployment.yaml|add: [\"IPC_LOCK\"]|add: []|IPC_LOCK",
        "engine-deployment.yaml|readOnlyRootFilesystem: true|readOnlyRootFilesystem: false|engine",
        "engine-deployment.yaml|terminationGracePeriodSeconds: 330|terminationGracePeriodSeconds: 30|300",
        "engine-deployment.yaml|cpu: \"2\"|ephemeral-storage: 1Gi|cpu",
        "engine-deployment.yaml|mountPath: /etc/tabula/tenants|mountPath: /etc/tenants|/etc/tabula/tenants",
        "engine-service.yaml|clusterIP: None|type: ClusterIP|None",
        "engine-networkpolicy.yaml|app.kubernetes.io/name: asterisk|app.kubernetes.io/name: anything|asterisk",
        "console-deployment.yaml|console --store /var/lib/tabula/flows|console --store /srv/flows|--store /var/lib/tabula/flows",
      })
  void theChecksCatchABrokenBase(String file, String from, String to, String message)
      throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path path : manifestFiles()) {
      if (!path.startsWith(KUBERNETES.resolve("base"))) {
        continue;
      }
      if (path.endsWith(file)) {
        String text = Files.readString(path);
        assertThat(text).contains(from);
        objects.addAll(KubernetesModel.parse(text.replace(from, to), "edited " + file));
      } else {
        objects.addAll(KubernetesModel.read(path));
      }
    }
    assertThatThrownBy(() -> new EngineDeploymentChecks(objects, scratch).checkAll())
        .hasMessageContaining(message);
  }

  /**
   * The production overlay with one edit in its kustomization.yaml (the {@code first} or {@code
   * last} occurrence of {@code from}; a backslash and n stand for a line break), rendered again:
   * the flow store checks refuse it.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "first|passwordFile: /run/secrets/tabula-flow-store/password|passwordFile: /run/secrets/flow-db/password|/run/secrets/flow-db/password",
        "first|mountPath: /run/secrets/tabula-flow-store, readOnly: true|mountPath: /run/secrets/tabula-flow-store, readOnly: false|is read-only",
        "first|- {key: password, path: password}|- {key: password, path: pw}|the volume's items put nothing at /run/secrets/tabula-flow-store/password",
        "first|secret:\\n            secretName: tabula-flow-store|configMap:\\n            name: tabula-flow-store|comes from a Secret",
        "last|console --engine-config /etc/tabula/tabula.yaml|console --store /var/lib/tabula/flows|publishes to the engines' store",
        "last|configMap:\\n            name: tabula-engine-config|configMap:\\n            name: tabula-console-config|the engines' own ConfigMap",
        "last|- {key: ca.crt, path: ca.crt}|- {key: tls.crt, path: ca.crt}|the console's /run/secrets/tabula-flow-store/ca.crt is the engines'",
        "last|- {port: 5432, protocol: TCP}|- {port: 5433, protocol: TCP}|egress to the flow store's PostgreSQL port 5432",
      })
  void theChecksCatchABrokenProductionFlowStore(
      String occurrence, String from, String to, String message) throws Exception {
    Path copy = scratch.resolve("kubernetes");
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      for (Path source : walk.toList()) {
        Path target = copy.resolve(KUBERNETES.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    Path overlay = copy.resolve("overlays/production/kustomization.yaml");
    String text = Files.readString(overlay);
    String old = from.replace("\\n", "\n");
    int at = occurrence.equals("first") ? text.indexOf(old) : text.lastIndexOf(old);
    assertThat(at).as("%s in the production overlay", from).isNotNegative();
    Files.writeString(
        overlay,
        text.substring(0, at) + to.replace("\\n", "\n") + text.substring(at + old.length()));
    List<HasMetadata> objects =
        KubernetesModel.parse(
            kustomize(overlay.getParent()), "edited overlays/production/kustomization.yaml");
    assertThatThrownBy(() -> new EngineDeploymentChecks(objects, scratch).checkAll())
        .hasMessageContaining(message);
  }

  static List<Path> manifestFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      return walk.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  private static String kustomize(Path folder) throws Exception {
    assumeTrue(
        onPath("kubectl"),
        "kubectl is not installed: the overlays are not rendered here (the base files are still"
            + " checked by theBaseFilesTogetherPassTheChecksWithoutKubectl)");
    Process process =
        new ProcessBuilder("kubectl", "kustomize", folder.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("kubectl kustomize %s: %s", folder, text).isZero();
    return text;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
