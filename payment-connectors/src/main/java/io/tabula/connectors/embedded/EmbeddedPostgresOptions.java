package io.tabula.connectors.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start an {@link EmbeddedPostgres}.
 *
 * @param cacheDirectory where the binaries are unpacked once (see {@link
 *     PostgresBinaries#defaultCache()})
 * @param tls whether the server offers TLS; {@code false} exists only to prove that the connector
 *     refuses a server without TLS
 * @param plaintextUser a role allowed to log in without TLS on loopback, only for the benchmark's
 *     plaintext floor
 * @param startTimeout how long initdb plus the server start may take
 */
public record EmbeddedPostgresOptions(
    Path cacheDirectory, boolean tls, Optional<String> plaintextUser, Duration startTimeout) {

  public EmbeddedPostgresOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(plaintextUser, "plaintextUser");
    Objects.requireNonNull(startTimeout, "startTimeout");
  }

  /** TLS on, default cache, 60 s to start. */
  public static EmbeddedPostgresOptions defaults() {
    return new EmbeddedPostgresOptions(
        PostgresBinaries.defaultCache(), true, Optional.empty(), Duration.ofSeconds(60));
  }

  /** The same options with TLS switched off at the server (ssl = off). */
  public EmbeddedPostgresOptions withoutTls() {
    return new EmbeddedPostgresOptions(cacheDirectory, false, plaintextUser, startTimeout);
  }

  /** The same options with one role allowed over plaintext loopback (benchmark floor only). */
  public EmbeddedPostgresOptions withPlaintextUser(String role) {
    return new EmbeddedPostgresOptions(cacheDirectory, tls, Optional.of(role), startTimeout);
  }
}
