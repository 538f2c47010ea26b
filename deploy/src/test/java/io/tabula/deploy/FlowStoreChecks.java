package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.PostgresStoreSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The flow store as the manifests set it up: with {@code flows.store: postgres} the files the
 * engine's settings name (the password, the CA) are mounted read-only from a Secret (the CA also
 * from a ConfigMap), and the console publishes into the same store: {@code --engine-config} on the
 * engines' own ConfigMap, the same password and CA at the same paths, and egress to the database.
 * With a folder store the console writes the folder the engines read.
 */
final class FlowStoreChecks {

  /**
   * A file inside a pod: which Secret or ConfigMap, and which key of it, the kubelet puts there.
   */
  record Source(String kind, String name, String key) {}

  private final EngineConfig config;
  private final Deployment engine;
  private final Container engineContainer;
  private final Optional<Deployment> console;
  private final Optional<NetworkPolicy> consolePolicy;

  FlowStoreChecks(
      EngineConfig config,
      Deployment engine,
      Container engineContainer,
      Optional<Deployment> console,
      Optional<NetworkPolicy> consolePolicy) {
    this.config = config;
    this.engine = engine;
    this.engineContainer = engineContainer;
    this.console = console;
    this.consolePolicy = consolePolicy;
  }

  void checkAll() {
    if (config.flows().inPostgres()) {
      engineMountsTheStoreFilesReadOnly();
      console.ifPresent(this::consolePublishesToTheSameDatabase);
      consolePolicy.ifPresent(this::consoleMayReachTheDatabase);
    } else {
      console.ifPresent(this::consoleWritesTheEnginesFolder);
    }
  }

  private void engineMountsTheStoreFilesReadOnly() {
    PostgresStoreSettings store = config.flows().postgres();
    assertThat(source(engine, engineContainer, store.passwordFile()).kind())
        .as("flows.postgres.passwordFile %s comes from a Secret", store.passwordFile())
        .isEqualTo("Secret");
    assertThat(source(engine, engineContainer, store.caCertificate()).kind())
        .as(
            "flows.postgres.caCertificate %s comes from a Secret or ConfigMap",
            store.caCertificate())
        .isIn("Secret", "ConfigMap");
  }

  private void consolePublishesToTheSameDatabase(Deployment deployment) {
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    String args = String.join(" ", container.getArgs());
    assertThat(args)
        .as("the console publishes to the engines' store, named by their settings file")
        .contains("--engine-config " + EngineDeploymentChecks.CONFIG_FILE)
        .doesNotContain("--store ");
    assertThat(source(deployment, container, EngineDeploymentChecks.CONFIG_FILE))
        .as("the console's --engine-config is the engines' own ConfigMap")
        .isEqualTo(source(engine, engineContainer, EngineDeploymentChecks.CONFIG_FILE));
    PostgresStoreSettings store = config.flows().postgres();
    for (String file : List.of(store.passwordFile(), store.caCertificate())) {
      assertThat(source(deployment, container, file))
          .as("the console's %s is the engines'", file)
          .isEqualTo(source(engine, engineContainer, file));
    }
  }

  private void consoleMayReachTheDatabase(NetworkPolicy policy) {
    int port = databasePort(config.flows().postgres().url());
    assertThat(policy.getSpec().getEgress())
        .as("console NetworkPolicy egress to the flow store's PostgreSQL port %d", port)
        .anyMatch(
            rule ->
                rule.getPorts().stream()
                    .anyMatch(
                        p ->
                            p.getPort() != null
                                && Integer.valueOf(port).equals(p.getPort().getIntVal())));
  }

  private void consoleWritesTheEnginesFolder(Deployment deployment) {
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    String args = String.join(" ", container.getArgs());
    if (!args.contains("--engine-config ")) {
      assertThat(args).contains("--store " + config.flows().store());
    }
  }

  private static int databasePort(String url) {
    int port = URI.create(url).getPort();
    return port == -1 ? 5432 : port;
  }

  /**
   * The Secret or ConfigMap key that lands at {@code file} in the container, read-only.
   *
   * @throws AssertionError when no read-only Secret or ConfigMap volume mount holds the file
   */
  static Source source(Deployment deployment, Container container, String file) {
    String where = deployment.getMetadata().getName() + "/" + container.getName();
    VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> file.equals(m.getMountPath()) || file.startsWith(m.getMountPath() + "/"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(where + ": no volume mount holds " + file));
    assertThat(mount.getReadOnly()).as("%s: mount of %s is read-only", where, file).isTrue();
    Volume volume =
        deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(where + ": no volume " + mount.getName()));
    String inVolume =
        file.equals(mount.getMountPath())
            ? mount.getSubPath()
            : file.substring(mount.getMountPath().length() + 1);
    if (volume.getSecret() != null) {
      return new Source(
          "Secret",
          volume.getSecret().getSecretName(),
          key(volume.getSecret().getItems(), inVolume, where, file));
    }
    if (volume.getConfigMap() != null) {
      return new Source(
          "ConfigMap",
          volume.getConfigMap().getName(),
          key(volume.getConfigMap().getItems(), inVolume, where, file));
    }
    throw new AssertionError(where + ": " + file + " is not from a Secret or ConfigMap volume");
  }

  private static String key(List<KeyToPath> items, String inVolume, String where, String file) {
    assertThat(inVolume).as("%s: the file %s inside its volume", where, file).isNotBlank();
    if (items == null || items.isEmpty()) {
      return inVolume;
    }
    return items.stream()
        .filter(i -> i.getPath().equals(inVolume))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(where + ": the volume's items put nothing at " + file))
        .getKey();
  }
}
