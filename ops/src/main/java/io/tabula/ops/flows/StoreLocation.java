package io.tabula.ops.flows;

import io.tabula.flows.store.DirectoryFlowVersions;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The flow store publishers write to, the same one the engines read: a folder ({@code flows.store:
 * /srv/flows}) or the shared store in PostgreSQL ({@code flows.store: postgres} with {@code
 * flows.postgres.*}). Read from the engines' own settings file ({@link #fromEngineConfig}), so the
 * console and {@code tabula flows publish} cannot write where the engines do not look.
 *
 * <pre>{@code
 * StoreLocation where = StoreLocation.fromEngineConfig(Path.of("/etc/tabula/tabula.yaml"), env);
 * FlowVersions store = where.open(compiler, Clock.systemUTC());
 * }</pre>
 *
 * @param folder the directory store, when the store is a folder
 * @param postgres the PostgreSQL store, when it is one
 */
public record StoreLocation(Optional<Path> folder, Optional<FlowStoreDatabase> postgres) {

  public StoreLocation {
    if (folder.isPresent() == postgres.isPresent()) {
      throw new IllegalArgumentException("a flow store is either a folder or PostgreSQL");
    }
  }

  public static StoreLocation folder(Path folder) {
    return new StoreLocation(Optional.of(folder), Optional.empty());
  }

  public static StoreLocation postgres(FlowStoreDatabase database) {
    return new StoreLocation(Optional.empty(), Optional.of(database));
  }

  /** Opens the store (for PostgreSQL: connects and brings its schema up to date). */
  public FlowVersions open(FlowCompiler compiler, Clock clock) throws IOException {
    if (postgres.isPresent()) {
      return PostgresFlowStore.open(postgres.get(), compiler);
    }
    return new DirectoryFlowVersions(new FlowStore(folder.orElseThrow(), compiler), clock);
  }

  /** For output lines: the folder, or the PostgreSQL URL. */
  public String describe() {
    return folder.map(Path::toString).orElseGet(() -> postgres.orElseThrow().url());
  }

  /**
   * The store named by an engine settings file ({@code tabula serve --config}, docs/engine.md),
   * with the engine's environment variables ({@code TABULA_FLOWS_STORE}, {@code
   * TABULA_FLOWS_POSTGRES_URL}, ...) taking precedence as they do for the engine.
   *
   * @throws IllegalArgumentException when the file names no store or an incomplete PostgreSQL one;
   *     the message names the setting to add
   */
  public static StoreLocation fromEngineConfig(Path file, Map<String, String> environment)
      throws IOException {
    Map<String, String> settings = flatten(file);
    String store = setting(settings, environment, "flows.store");
    if (store.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + " sets no flows.store (the engines serve the shipped flows); set flows.store to"
              + " the store folder or to postgres, or give --store DIR");
    }
    if (!store.equals("postgres")) {
      return folder(Path.of(store));
    }
    Map<String, String> needed = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "flows.postgres.url",
          "flows.postgres.user",
          "flows.postgres.passwordFile",
          "flows.postgres.caCertificate"
        }) {
      String value = setting(settings, environment, key);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            file + " sets flows.store: postgres but not " + key + "; set it (docs/engine.md)");
      }
      needed.put(key, value);
    }
    return postgres(
        FlowStoreDatabase.parse(
            needed.get("flows.postgres.url"),
            needed.get("flows.postgres.user"),
            Path.of(needed.get("flows.postgres.passwordFile")),
            Path.of(needed.get("flows.postgres.caCertificate"))));
  }

  /** The environment variable of a setting, as the engine derives it: flows.postgres.url → ... */
  static String variable(String key) {
    return "TABULA_"
        + key.replaceAll("([a-z])([A-Z])", "$1_$2")
            .replace('.', '_')
            .toUpperCase(java.util.Locale.ROOT);
  }

  private static String setting(
      Map<String, String> file, Map<String, String> environment, String key) {
    String value = environment.getOrDefault(variable(key), file.getOrDefault(key, ""));
    return value == null ? "" : value.trim();
  }

  /**
   * The file's settings with nested mappings flattened to dotted keys, as the engine reads them.
   */
  private static Map<String, String> flatten(Path file) throws IOException {
    Object root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          file + " is not a readable YAML settings file (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root instanceof Map<?, ?> map) {
      flatten("", map, flat);
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, flat);
      } else {
        flat.put(key, entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
      }
    }
  }
}
