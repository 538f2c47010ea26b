package io.tabula.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kubernetes YAML into fabric8's typed model of the Kubernetes API, refusing what the API
 * server would not take: a kind this project does not ship, a field the kind does not have (fabric8
 * keeps those in {@code additionalProperties}; {@link UnknownFields} finds them).
 */
final class KubernetesModel {

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class));

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private KubernetesModel() {}

  /** Every object of a multi-document YAML file. */
  static List<HasMetadata> read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every object of multi-document YAML text; {@code origin} names it in failures. */
  static List<HasMetadata> parse(String yamlText, String origin) {
    List<HasMetadata> objects = new ArrayList<>();
    // kubectl refuses a key twice in one map ("mapping key already defined"), and so does this
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    int index = 0;
    for (Object document : yaml.loadAll(yamlText)) {
      index++;
      if (document == null) {
        continue;
      }
      String where = origin + " document " + index;
      if (!(document instanceof Map<?, ?> map)) {
        throw new AssertionError(where + " is not a Kubernetes object");
      }
      String key = map.get("apiVersion") + "/" + map.get("kind");
      Class<? extends HasMetadata> type = KINDS.get(key);
      if (type == null) {
        throw new AssertionError(where + ": no model for " + key + "; add it to KubernetesModel");
      }
      HasMetadata object = MAPPER.convertValue(map, type);
      List<String> unknown = UnknownFields.find(object);
      if (!unknown.isEmpty()) {
        throw new AssertionError(
            where + " (" + key + "): fields the API does not have: " + unknown);
      }
      objects.add(object);
    }
    return objects;
  }
}
