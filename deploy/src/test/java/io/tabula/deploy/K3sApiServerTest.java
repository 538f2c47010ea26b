package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The base manifests and the placeholder Secrets go to a real Kubernetes API server (K3s) with
 * strict field validation, so the server itself refuses a field it does not know. Runs where Docker
 * exists and skips elsewhere (as on this project's build machines). It does not run the engine
 * (that needs the image built and an Asterisk): see docs/scaling.md, "Not done yet".
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sApiServerTest {

  private static final String NAMESPACE = "tabula-k3s-test";

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.4-k3s1"));

  @Test
  void theApiServerAcceptsEveryBaseObjectStrictly() throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : KubernetesManifestsTest.manifestFiles()) {
      if (file.startsWith(KubernetesManifestsTest.KUBERNETES.resolve("base"))
          || file.startsWith(KubernetesManifestsTest.KUBERNETES.resolve("secrets"))) {
        objects.addAll(KubernetesModel.read(file));
      }
    }
    Config config = Config.fromKubeconfig(K3S.getKubeConfigYaml());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
      for (HasMetadata object : objects) {
        if (object instanceof ServiceMonitor) {
          continue; // K3s has no Prometheus Operator CRDs
        }
        HasMetadata created =
            client
                .resource(object)
                .inNamespace(NAMESPACE)
                .fieldValidation(Validation.STRICT)
                .create();
        assertThat(created.getMetadata().getUid()).as(object.getFullResourceName()).isNotBlank();
      }
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("tabula-engine").get())
          .isNotNull();
    }
  }
}
