package io.tabula.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/helm/tabula rendered by Helm itself (helm-java runs Helm's Go code as a native library, so
 * no helm binary is needed): every object of every value set parses into the Kubernetes model with
 * unknown fields refused, and the engine passes the same {@link EngineDeploymentChecks} as the
 * kustomize manifests. {@link HelmChartTest} checks the chart's text; this checks what it renders.
 */
class HelmRenderTest {

  @TempDir Path scratch;

  @Test
  void theDefaultValuesRefuseToRenderWithoutTheFlowStoresDatabase() {
    // several engines need the PostgreSQL flow store; the chart names what to set
    assertThatThrownBy(() -> render("defaults", UnaryOperator.identity()))
        .hasMessageContaining("flowStore.url");
  }

  @Test
  void severalEnginesOnThePostgresFlowStoreRenderAndPassEveryCheck() {
    List<HasMetadata> objects =
        render(
            "production",
            helm ->
                onPostgres(helm)
                    .set("serviceMonitor.enabled", true)
                    .set("autoscaling.minReplicas", 3)
                    .set("autoscaling.maxReplicas", 12)
                    .set("image.tag", "1.2.3"));
    new EngineDeploymentChecks(objects, scratch).checkAll();
    assertThat(objects).filteredOn(ServiceMonitor.class::isInstance).hasSize(1);
  }

  @Test
  void oneEngineOnTheFolderStoreRendersAndPassesEveryCheck() {
    List<HasMetadata> objects = render("folder", helm -> helm.set("flowStore.type", "folder"));
    new EngineDeploymentChecks(objects, scratch).checkAll();
    assertThat(objects).noneMatch(ServiceMonitor.class::isInstance);
  }

  @Test
  void anEngineWithoutAMemoryLimitFailsTheChecks() {
    // the checks can fail on a rendered chart: Helm's --set with null removes a value
    List<HasMetadata> objects =
        render(
            "no memory limit",
            helm -> onPostgres(helm).set("engine.resources.limits.memory", "null"));
    assertThatThrownBy(() -> new EngineDeploymentChecks(objects, scratch).checkAll())
        .isInstanceOf(AssertionError.class);
  }

  private static TemplateCommand onPostgres(TemplateCommand helm) {
    return helm.set("flowStore.url", "postgresql://flows-db.example:5432/tabula_flows")
        .set("flowStore.user", "tabula_engine");
  }

  private static List<HasMetadata> render(String valueSet, UnaryOperator<TemplateCommand> values) {
    String manifests =
        values
            .apply(new Helm(HelmChartTest.CHART).template().withName("tabula").withNamespace("ivr"))
            .call();
    List<HasMetadata> objects =
        KubernetesModel.parse(manifests, "helm template (" + valueSet + ")");
    assertThat(objects).as("objects rendered from " + valueSet).isNotEmpty();
    assertThat(
            objects.stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(java.util.stream.Collectors.toSet()))
        .contains("Deployment/tabula-engine", "ConfigMap/tabula-engine-config");
    return objects;
  }
}
