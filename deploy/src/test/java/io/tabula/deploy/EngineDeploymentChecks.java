package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every rendering of the manifests must pass: the engine's probes, ports and mounts
 * agree with the settings its own loader reads from the ConfigMap; every container is limited and
 * locked down; the Service, PDB, HPA, NetworkPolicy and ServiceMonitor point at what exists.
 */
final class EngineDeploymentChecks {

  static final String ENGINE = "tabula-engine";
  static final String ASTERISK_LABEL = "app.kubernetes.io/name";
  static final String CONFIG_FILE = "/etc/tabula/tabula.yaml";
  private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

  private final List<HasMetadata> objects;
  private final EngineConfig config;
  private final Deployment engine;
  private final Container engineContainer;

  EngineDeploymentChecks(List<HasMetadata> objects, Path scratch) {
    this.objects = objects;
    this.config = loadConfig(one(ConfigMap.class, "tabula-engine-config"), scratch);
    this.engine = one(Deployment.class, ENGINE);
    this.engineContainer = container(engine, "engine");
  }

  void checkAll() {
    enginePortsMatchTheConfig();
    probesUseTheAdminEndpoint();
    everyContainerIsLimitedAndLockedDown();
    engineMayLockMemoryAndDumpsNoCore();
    configuredPathsAreMounted();
    terminationWaitsForTheDrain();
    headlessServicePublishesAgiSrv();
    disruptionBudgetAndAutoscalerTargetTheEngines();
    networkPolicyLimitsAgiAndAmiToAsterisk();
    serviceMonitorScrapesTheAdminPort();
    new FlowStoreChecks(
            config,
            engine,
            engineContainer,
            maybeOne(Deployment.class, "tabula-console"),
            maybeOne(NetworkPolicy.class, "tabula-console"))
        .checkAll();
  }

  private void enginePortsMatchTheConfig() {
    assertThat(containerPort(engineContainer, "agi")).isEqualTo(config.port());
    assertThat(containerPort(engineContainer, "admin")).isEqualTo(config.admin().port());
  }

  private void probesUseTheAdminEndpoint() {
    assertProbe(engineContainer.getReadinessProbe(), "/ready");
    assertProbe(engineContainer.getLivenessProbe(), "/live");
    if (engineContainer.getStartupProbe() != null) {
      assertProbe(engineContainer.getStartupProbe(), "/live");
    }
  }

  private void assertProbe(Probe probe, String path) {
    assertThat(probe).as("probe on %s", path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(resolve(probe.getHttpGet().getPort(), engineContainer))
        .as("port of the probe on %s", path)
        .isEqualTo(config.admin().port());
  }

  private void everyContainerIsLimitedAndLockedDown() {
    for (Deployment deployment : all(Deployment.class)) {
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      String name = deployment.getMetadata().getName();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
      assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
      for (Container c : pod.getContainers()) {
        String where = name + "/" + c.getName();
        assertThat(c.getResources().getLimits()).as(where).containsKeys("cpu", "memory");
        assertThat(c.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(where).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(where).contains("ALL");
        assertThat(String.join(" ", c.getArgs())).as(where).contains("ulimit -c 0");
      }
    }
  }

  private void engineMayLockMemoryAndDumpsNoCore() {
    assertThat(engineContainer.getSecurityContext().getCapabilities().getAdd())
        .containsExactly("IPC_LOCK");
    assertThat(String.join(" ", engineContainer.getArgs())).contains("-XX:-CreateCoredumpOnCrash");
    BigDecimal memoryLimit =
        engineContainer.getResources().getLimits().get("memory").getNumericalAmount();
    long pool = (long) config.memory().slots() * config.memory().slotBytes();
    assertThat(memoryLimit).as("memory limit above the locked pool").isGreaterThan(bd(4 * pool));
  }

  private void configuredPathsAreMounted() {
    List<String> paths = new ArrayList<>();
    paths.add(CONFIG_FILE);
    config.admin().token().ifPresent(p -> paths.add(p.toString()));
    paths.add(config.ami().secretFile());
    paths.add(config.tenants().dir());
    if (config.flows().inPostgres()) {
      paths.add(config.flows().postgres().passwordFile());
      paths.add(config.flows().postgres().caCertificate());
    } else {
      paths.add(config.flows().store());
    }
    paths.addAll(config.flows().prompts().soundsDirs());
    List<String> mounts =
        engineContainer.getVolumeMounts().stream().map(m -> m.getMountPath()).toList();
    for (String path : paths) {
      assertThat(mounts)
          .as("a volume mount holding %s", path)
          .anyMatch(m -> path.equals(m) || path.startsWith(m + "/"));
    }
    assertThat(String.join(" ", engineContainer.getArgs())).contains("--config " + CONFIG_FILE);
  }

  private void terminationWaitsForTheDrain() {
    String drain =
        engineContainer.getEnv().stream()
            .filter(e -> e.getName().equals("TABULA_DRAIN_TIMEOUT"))
            .findFirst()
            .orElseThrow()
            .getValue();
    Matcher m = SECONDS.matcher(drain);
    assertThat(m.matches()).as("drain timeout in seconds: %s", drain).isTrue();
    assertThat(engine.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThan(Long.parseLong(m.group(1)));
  }

  private void headlessServicePublishesAgiSrv() {
    Service service = one(Service.class, ENGINE);
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(service.getSpec().getPublishNotReadyAddresses()).isNotEqualTo(Boolean.TRUE);
    assertThat(podLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    ServicePort agi =
        service.getSpec().getPorts().stream()
            .filter(p -> "agi".equals(p.getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the SRV name _agi._tcp needs port name agi"));
    assertThat(agi.getProtocol()).isEqualTo("TCP");
    assertThat(resolve(agi.getTargetPort(), engineContainer)).isEqualTo(config.port());
  }

  private void disruptionBudgetAndAutoscalerTargetTheEngines() {
    PodDisruptionBudget pdb = one(PodDisruptionBudget.class, ENGINE);
    assertThat(podLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class, ENGINE);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(ENGINE);
    assertThat(hpa.getSpec().getMinReplicas()).isPositive();
    assertThat(hpa.getSpec().getMetrics())
        .anyMatch(m -> m.getPods() != null && "tabula_calls_active".equals(podsMetric(m)));
    assertThat(
            Long.parseLong(
                hpa.getSpec()
                    .getMetrics()
                    .get(0)
                    .getPods()
                    .getTarget()
                    .getAverageValue()
                    .getAmount()))
        .as("calls per engine the autoscaler aims at, within memory.slots")
        .isLessThan(config.memory().slots());
  }

  private static String podsMetric(
      io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec metric) {
    return metric.getPods().getMetric().getName();
  }

  private void networkPolicyLimitsAgiAndAmiToAsterisk() {
    NetworkPolicy policy = one(NetworkPolicy.class, ENGINE);
    assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
    assertThat(podLabels())
        .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    var agiRules =
        policy.getSpec().getIngress().stream()
            .filter(r -> r.getPorts().stream().anyMatch(p -> portIs(p.getPort(), config.port())))
            .toList();
    assertThat(agiRules).isNotEmpty();
    agiRules.forEach(r -> assertOnlyAsterisk(r.getFrom(), "FastAGI ingress"));
    var amiRules =
        policy.getSpec().getEgress().stream()
            .filter(
                r -> r.getPorts().stream().anyMatch(p -> portIs(p.getPort(), config.ami().port())))
            .toList();
    assertThat(amiRules).isNotEmpty();
    amiRules.forEach(r -> assertOnlyAsterisk(r.getTo(), "AMI egress"));
  }

  private static boolean portIs(IntOrString port, int number) {
    return port != null && port.getIntVal() != null && port.getIntVal() == number;
  }

  private static void assertOnlyAsterisk(List<NetworkPolicyPeer> peers, String what) {
    assertThat(peers).as(what + " peers").isNotEmpty();
    for (NetworkPolicyPeer peer : peers) {
      assertThat(peer.getIpBlock()).as(what).isNull();
      assertThat(peer.getPodSelector()).as(what + " needs a pod selector").isNotNull();
      assertThat(peer.getPodSelector().getMatchLabels())
          .as(what)
          .containsEntry(ASTERISK_LABEL, "asterisk");
    }
  }

  private void serviceMonitorScrapesTheAdminPort() {
    for (ServiceMonitor monitor : all(ServiceMonitor.class)) {
      Service service = one(Service.class, ENGINE);
      assertThat(service.getMetadata().getLabels())
          .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
      for (var endpoint : monitor.getSpec().getEndpoints()) {
        ServicePort port =
            service.getSpec().getPorts().stream()
                .filter(p -> p.getName().equals(endpoint.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service port " + endpoint.getPort()));
        assertThat(resolve(port.getTargetPort(), engineContainer)).isEqualTo(config.admin().port());
        assertThat(endpoint.getPath()).isEqualTo("/metrics");
        assertThat(endpoint.getAuthorization().getCredentials().getKey()).isEqualTo("admin-token");
      }
    }
  }

  private Map<String, String> podLabels() {
    return engine.getSpec().getTemplate().getMetadata().getLabels();
  }

  private static int containerPort(Container container, String name) {
    return container.getPorts().stream()
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("container port " + name + " missing"))
        .getContainerPort();
  }

  private static int resolve(IntOrString port, Container container) {
    return port.getIntVal() != null ? port.getIntVal() : containerPort(container, port.getStrVal());
  }

  private static Container container(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  private <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private <T extends HasMetadata> Optional<T> maybeOne(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  private <T extends HasMetadata> T one(Class<T> type, String name) {
    List<T> found = all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
    assertThat(found).as("%s %s", type.getSimpleName(), name).hasSize(1);
    return found.getFirst();
  }

  private static EngineConfig loadConfig(ConfigMap configMap, Path scratch) {
    try {
      Path file = Files.createTempFile(scratch, "tabula", ".yaml");
      Files.writeString(file, configMap.getData().get("tabula.yaml"));
      return EngineConfigLoader.load(file, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigDecimal bd(long value) {
    return BigDecimal.valueOf(value);
  }
}
