package io.tabula.connectors.embedded;

/**
 * The server's {@code pg_hba.conf}: TCP on loopback only; with TLS every login must come over TLS
 * (the certificate role by its client certificate), except the one plaintext role the benchmark may
 * ask for. Without TLS (the refusal test's server) plain logins are allowed.
 */
final class HbaRules {

  private HbaRules() {}

  static String render(EmbeddedPostgresOptions options) {
    StringBuilder rules = new StringBuilder("# Written by Tabula's embedded PostgreSQL.\n");
    if (!options.tls()) {
      rules.append("host all all 127.0.0.1/32 scram-sha-256\n");
      return rules.toString();
    }
    rules
        .append("hostssl all ")
        .append(EmbeddedPostgres.CERTIFICATE_ROLE)
        .append(" 127.0.0.1/32 cert\n");
    rules.append("hostssl all all 127.0.0.1/32 scram-sha-256\n");
    options
        .plaintextUser()
        .ifPresent(
            role ->
                rules
                    .append("hostnossl all ")
                    .append(role)
                    .append(" 127.0.0.1/32 scram-sha-256\n"));
    return rules.toString();
  }
}
