package io.tabula.journal;

import io.tabula.journal.access.AccessDatabaseRef;
import io.tabula.journal.capture.JournalQueueSettings;
import io.tabula.journal.crypto.JournalPublicKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.store.JournalDatabase;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The call journal's configuration file ({@code journal.config} of the engine, {@code --config} of
 * {@code tabula journal}):
 *
 * <pre>{@code
 * database:                      # PostgreSQL over verified TLS
 *   host: journal-db.example
 *   port: 5432
 *   name: tabula_journal
 *   user: tabula_journal
 *   passwordFile: /run/secrets/journal-db-password
 *   caCertificate: /etc/tabula/journal-db-ca.pem
 * # embedded: postgres           # instead: the demo's embedded PostgreSQL, data kept in this folder
 * queueCapacity: 10000
 * tenants:
 *   city:
 *     publicKeys:                # oldest first; new records are sealed to the last one
 *       - jk-0123456789abcdef:BASE64...
 *     searchKeyFile: keys/city.search-key
 *     retentionMonths: 13
 * }</pre>
 *
 * Relative paths are read from the file's folder. An unknown key is an error.
 *
 * @param database a database reached over TLS, or empty with {@code embedded} set
 * @param embedded the folder of the demo's embedded PostgreSQL
 * @param access the access-control database ({@code access:}, same keys as {@code database}); when
 *     set, every {@code tabula journal} command signs its user in, checks their role on the tenant
 *     and records the access in the hash-chained audit trail first
 */
public record JournalConfig(
    Optional<JournalDatabase> database,
    Optional<Path> embedded,
    JournalQueueSettings queue,
    Map<String, TenantJournal> tenants,
    Optional<AccessDatabaseRef> access) {

  /** A configuration without access control (the demo's). */
  public JournalConfig(
      Optional<JournalDatabase> database,
      Optional<Path> embedded,
      JournalQueueSettings queue,
      Map<String, TenantJournal> tenants) {
    this(database, embedded, queue, tenants, Optional.empty());
  }

  public JournalConfig {
    tenants = Map.copyOf(tenants);
    if (database.isEmpty() == embedded.isEmpty()) {
      throw new JournalConfigException(
          "the journal configuration needs exactly one of 'database' (PostgreSQL over TLS) and"
              + " 'embedded' (the demo's embedded PostgreSQL)");
    }
  }

  public static JournalConfig read(Path file) {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      root = map(loaded, "the file");
    } catch (IOException e) {
      throw new JournalConfigException(
          "cannot read the journal configuration " + file + "; check journal.config");
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new JournalConfigException(
          file + " is not valid YAML (" + e.getClass().getSimpleName() + "); fix its syntax");
    }
    Path dir = file.toAbsolutePath().getParent();
    allowOnly(
        root, "the file", Set.of("database", "embedded", "queueCapacity", "tenants", "access"));
    Optional<JournalDatabase> database =
        root.containsKey("database")
            ? Optional.of(database(map(root.get("database"), "database"), dir))
            : Optional.empty();
    Optional<Path> embedded =
        root.containsKey("embedded")
            ? Optional.of(dir.resolve(text(root, "embedded", "the file")))
            : Optional.empty();
    JournalQueueSettings queue = JournalQueueSettings.defaults();
    if (root.containsKey("queueCapacity")) {
      queue = queue.withCapacity(integer(root.get("queueCapacity"), "queueCapacity"));
    }
    Map<String, TenantJournal> tenants = new LinkedHashMap<>();
    map(root.getOrDefault("tenants", Map.of()), "tenants")
        .forEach(
            (name, value) -> tenants.put(name, tenant(name, map(value, "tenants." + name), dir)));
    Optional<AccessDatabaseRef> access =
        root.containsKey("access")
            ? Optional.of(access(map(root.get("access"), "access"), dir))
            : Optional.empty();
    return new JournalConfig(database, embedded, queue, tenants, access);
  }

  private static AccessDatabaseRef access(Map<String, Object> db, Path dir) {
    String where = "access";
    allowOnly(
        db,
        where,
        Set.of("host", "port", "name", "user", "passwordFile", "caCertificate", "totpKey"));
    return new AccessDatabaseRef(
        text(db, "host", where),
        db.containsKey("port") ? integer(db.get("port"), "access.port") : 5432,
        db.containsKey("name") ? text(db, "name", where) : "tabula_access",
        db.containsKey("user") ? text(db, "user", where) : "tabula_access",
        dir.resolve(text(db, "passwordFile", where)),
        dir.resolve(text(db, "caCertificate", where)),
        dir.resolve(text(db, "totpKey", where)));
  }

  private static JournalDatabase database(Map<String, Object> db, Path dir) {
    String where = "database";
    allowOnly(db, where, Set.of("host", "port", "name", "user", "passwordFile", "caCertificate"));
    Path passwordFile = dir.resolve(text(db, "passwordFile", where));
    String password;
    try {
      password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new JournalConfigException(
          "cannot read database.passwordFile " + passwordFile + "; check the path and permissions");
    }
    return new JournalDatabase(
        text(db, "host", where),
        db.containsKey("port") ? integer(db.get("port"), "database.port") : 5432,
        text(db, "name", where),
        text(db, "user", where),
        password,
        dir.resolve(text(db, "caCertificate", where)));
  }

  private static TenantJournal tenant(String name, Map<String, Object> tenant, Path dir) {
    String where = "tenants." + name;
    allowOnly(tenant, where, Set.of("publicKeys", "searchKeyFile", "retentionMonths"));
    List<JournalPublicKey> keys = new ArrayList<>();
    if (!(tenant.get("publicKeys") instanceof List<?> list) || list.isEmpty()) {
      throw new JournalConfigException(
          where + ".publicKeys is missing; add the public key line 'tabula journal keygen' wrote");
    }
    for (Object item : list) {
      try {
        keys.add(JournalPublicKey.parse(String.valueOf(item)));
      } catch (IllegalArgumentException e) {
        throw new JournalConfigException(where + ".publicKeys: " + e.getMessage());
      }
    }
    SearchKey searchKey;
    try {
      searchKey = SearchKey.read(dir.resolve(text(tenant, "searchKeyFile", where)));
    } catch (RuntimeException e) {
      throw new JournalConfigException(where + ".searchKeyFile: " + e.getMessage());
    }
    int months =
        tenant.containsKey("retentionMonths")
            ? integer(tenant.get("retentionMonths"), where + ".retentionMonths")
            : TenantJournal.DEFAULT_RETENTION.getMonths();
    return new TenantJournal(name, keys, searchKey, Period.ofMonths(months));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new JournalConfigException(where + " must be a map of keys and values");
  }

  private static String text(Map<String, Object> map, String key, String where) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new JournalConfigException(where + "." + key + " is missing; add it");
    }
    return String.valueOf(value);
  }

  private static int integer(Object value, String where) {
    if (value instanceof Integer number && number > 0) {
      return number;
    }
    throw new JournalConfigException(where + " must be a positive whole number");
  }

  private static void allowOnly(Map<String, Object> map, String where, Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new JournalConfigException(
            "unknown key '"
                + key
                + "' in "
                + where
                + " of the journal configuration; use one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }
}
