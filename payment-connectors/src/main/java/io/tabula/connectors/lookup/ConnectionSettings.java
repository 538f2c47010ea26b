package io.tabula.connectors.lookup;

import java.time.Duration;
import java.util.Properties;

/**
 * The JDBC URL and driver properties of one tenant database, after {@link TlsPolicy} has approved
 * the configuration (which it does only for the built-in PostgreSQL dialect): {@code
 * sslmode=verify-full} through {@link VerifiedTlsSocketFactory}, a server-side {@code
 * statement_timeout}, connect and socket limits, and no server error detail in exceptions (it can
 * echo parameter values).
 */
record ConnectionSettings(String url, Properties properties) {

  static ConnectionSettings of(TenantDatabaseConfig config) {
    TlsPolicy.check(config);
    Properties properties = new Properties();
    // Extra properties first: the policy keeps them apart from the ones below, and whatever the
    // connector sets must win even if that ever changes.
    properties.putAll(config.extraProperties());
    addPostgres(config, properties);
    String url = config.dialect().url(config.host(), config.port(), config.database());
    return new ConnectionSettings(url, properties);
  }

  private static void addPostgres(TenantDatabaseConfig config, Properties properties) {
    DatabaseLimits limits = config.limits();
    properties.setProperty("sslmode", "verify-full");
    properties.setProperty("sslfactory", VerifiedTlsSocketFactory.class.getName());
    properties.setProperty(
        VerifiedTlsSocketFactory.CA_PROPERTY, config.tls().caCertificate().toString());
    config
        .tls()
        .clientKeyStore()
        .ifPresent(
            file -> {
              properties.setProperty(VerifiedTlsSocketFactory.KEY_STORE_PROPERTY, file.toString());
              properties.setProperty(
                  VerifiedTlsSocketFactory.KEY_STORE_PASSWORD_PROPERTY,
                  config.tls().clientKeyStorePassword());
            });
    // GSS encryption would be tried before TLS where Kerberos is configured; TLS is the contract.
    properties.setProperty("gssEncMode", "disable");
    properties.setProperty("connectTimeout", Long.toString(seconds(limits.connect())));
    properties.setProperty("loginTimeout", Long.toString(seconds(limits.connect())));
    // The backstop for a server that stops answering mid-statement: statement limit plus slack.
    properties.setProperty(
        "socketTimeout", Long.toString(seconds(limits.statement()) + seconds(limits.connect())));
    // The server cancels a slow statement itself, even when the engine has gone away.
    properties.setProperty("options", "-c statement_timeout=" + limits.statement().toMillis());
    properties.setProperty("logServerErrorDetail", "false");
    properties.setProperty("ApplicationName", "tabula-lookup-" + config.tenant());
    properties.setProperty("tcpKeepAlive", "true");
  }

  /** Whole seconds, rounded up (pgjdbc's timeouts are in seconds). */
  static long seconds(Duration duration) {
    long millis = duration.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
