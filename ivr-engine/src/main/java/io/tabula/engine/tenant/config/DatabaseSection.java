package io.tabula.engine.tenant.config;

import io.tabula.connectors.lookup.BreakerSettings;
import io.tabula.connectors.lookup.DatabaseDialect;
import io.tabula.connectors.lookup.DatabaseLimits;
import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.TenantDatabaseConfig;
import io.tabula.connectors.lookup.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tenant file's {@code database:} section into a {@link LookupConnectorSettings}. Only
 * PostgreSQL is built in, always over TLS with {@code verify-full}; there is no key to weaken it.
 */
final class DatabaseSection {

  static final List<String> KEYS =
      List.of(
          "connector",
          "dialect",
          "host",
          "port",
          "database",
          "user",
          "passwordFile",
          "passwordEnv",
          "tls",
          "limits",
          "lookups");
  static final List<String> TLS_KEYS =
      List.of(
          "caCertificate",
          "clientKeyStore",
          "clientKeyStorePasswordFile",
          "clientKeyStorePasswordEnv");
  static final List<String> LIMIT_KEYS =
      List.of("connect", "acquire", "statement", "maxPoolSize", "minIdle");

  private final YamlSection section;
  private final FileChecks checks;

  private DatabaseSection(YamlSection section, FileChecks checks) {
    this.section = section;
    this.checks = checks;
  }

  /** The settings, or empty when a required piece is missing (and reported). */
  static Optional<LookupConnectorSettings> read(
      String tenant, YamlSection section, FileChecks checks) {
    return new DatabaseSection(section, checks).read(tenant);
  }

  private Optional<LookupConnectorSettings> read(String tenant) {
    section.allowOnly(KEYS);
    Optional<String> connector = section.text("connector", true);
    dialect();
    Optional<String> host = section.text("host", true);
    int port = section.integer("port", 5432, 1, 65_535);
    Optional<String> database = section.text("database", true);
    Optional<String> user = section.text("user", true);
    Optional<String> password =
        secret("passwordFile", "passwordEnv", "the database password", section);
    Optional<TlsSettings> tls = section.section("tls", true).flatMap(this::tls);
    DatabaseLimits limits = section.section("limits", false).map(this::limits).orElse(null);
    List<LookupQuery> lookups =
        section.section("lookups", true).map(LookupSection::readAll).orElse(List.of());
    // Any problem fails the whole load (TenantFiles); empty here only when a piece is missing.
    if (connector.isEmpty()
        || host.isEmpty()
        || database.isEmpty()
        || user.isEmpty()
        || password.isEmpty()
        || tls.isEmpty()) {
      return Optional.empty();
    }
    TenantDatabaseConfig config =
        new TenantDatabaseConfig(
                tenant,
                DatabaseDialect.postgresql(),
                host.get(),
                port,
                database.get(),
                user.get(),
                password.get(),
                tls.get(),
                limits == null ? DatabaseLimits.defaults() : limits,
                BreakerSettings.defaults(),
                Map.of(),
                Map.of())
            .withLookups(lookups);
    return Optional.of(
        new LookupConnectorSettings(connector.get(), section.pos("connector"), config));
  }

  private void dialect() {
    section
        .text("dialect", false)
        .filter(dialect -> !dialect.equals(DatabaseDialect.POSTGRESQL))
        .ifPresent(
            dialect ->
                section.problem(
                    section.pos("dialect"),
                    "dialect '" + dialect + "' is not built in",
                    "use postgresql (other databases need their JDBC driver; see docs/lookups.md)"));
  }

  /** Exactly one of a password file or an environment variable. */
  private Optional<String> secret(String fileKey, String envKey, String what, YamlSection in) {
    boolean file = in.has(fileKey);
    boolean env = in.has(envKey);
    if (file == env) {
      in.problem(
          file ? in.keyPos(envKey) : in.pos(),
          in.where() + (file ? " gives both " : " needs ") + fileKey + " or " + envKey,
          file
              ? "keep one of them: a file (recommended) or an environment variable"
              : "add '"
                  + fileKey
                  + ": /run/secrets/<name>' (or '"
                  + envKey
                  + ": <VARIABLE>')"
                  + " for "
                  + what);
      return Optional.empty();
    }
    if (file) {
      return in.path(fileKey, true).flatMap(path -> checks.readSecretFile(in, fileKey, path));
    }
    return in.text(envKey, true).flatMap(variable -> checks.readSecretEnv(in, envKey, variable));
  }

  private Optional<TlsSettings> tls(YamlSection tls) {
    tls.allowOnly(TLS_KEYS);
    Optional<Path> ca =
        tls.readableFile("caCertificate", true, "the database CA certificate", checks);
    ca.ifPresent(
        p -> checks.requireCertificates(tls, "caCertificate", p, "the database CA certificate"));
    Optional<Path> keyStore =
        tls.readableFile("clientKeyStore", false, "the client key store", checks);
    Optional<String> keyStorePassword = Optional.empty();
    if (keyStore.isPresent()) {
      keyStorePassword =
          secret(
              "clientKeyStorePasswordFile",
              "clientKeyStorePasswordEnv",
              "the client key store's password",
              tls);
    } else if (tls.has("clientKeyStorePasswordFile") || tls.has("clientKeyStorePasswordEnv")) {
      tls.problem(
          tls.pos(),
          "a client key store password is given without clientKeyStore",
          "add clientKeyStore (a PKCS#12 file) or remove the password");
    }
    if (keyStore.isPresent() && keyStorePassword.isPresent()) {
      checks.requireKeyStore(tls, "clientKeyStore", keyStore.get(), keyStorePassword.get());
    }
    if (ca.isEmpty() || (keyStore.isPresent() && keyStorePassword.isEmpty())) {
      return Optional.empty();
    }
    TlsSettings settings = TlsSettings.verifyServer(ca.get());
    return Optional.of(
        keyStore.isPresent()
            ? settings.withClientKeyStore(keyStore.get(), keyStorePassword.get())
            : settings);
  }

  private DatabaseLimits limits(YamlSection limits) {
    limits.allowOnly(LIMIT_KEYS);
    DatabaseLimits defaults = DatabaseLimits.defaults();
    Duration connect = limits.duration("connect", defaults.connect());
    Duration acquire = limits.duration("acquire", defaults.acquire());
    Duration statement = limits.duration("statement", defaults.statement());
    int maxPoolSize = limits.integer("maxPoolSize", defaults.maxPoolSize(), 1, 1000);
    int minIdle = limits.integer("minIdle", defaults.minIdle(), 0, 1000);
    try {
      return new DatabaseLimits(connect, acquire, statement, maxPoolSize, minIdle);
    } catch (IllegalArgumentException e) {
      limits.problem(limits.pos(), e.getMessage(), "change the limits in " + limits.where());
      return defaults;
    }
  }
}
