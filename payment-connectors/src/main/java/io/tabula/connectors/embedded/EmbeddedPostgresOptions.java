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
 * @param keptDirectory a folder whose data outlives the server (initdb runs only the first time,
 *     close() keeps it); empty: a fresh temporary folder, deleted by close()
 */
public record EmbeddedPostgresOptions(
    Path cacheDirectory,
    boolean tls,
    Optional<String> plaintextUser,
    Duration startTimeout,
    Optional<Path> keptDirectory) {

  public EmbeddedPostgresOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(plaintextUser, "plaintextUser");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(keptDirectory, "keptDirectory");
  }

  public EmbeddedPostgresOptions(
      Path cacheDirectory, boolean tls, Optional<String> plaintextUser, Duration startTimeout) {
    this(cacheDirectory, tls, plaintextUser, startTimeout, Optional.empty());
  }

  /**
   * The same options with the data kept in {@code directory} between starts (the demo's call
   * journal, which {@code tabula journal search} reads after the demo ended).
   */
  public EmbeddedPostgresOptions keepingDataIn(Path directory) {
    return new EmbeddedPostgresOptions(
        cacheDirectory, tls, plaintextUser, startTimeout, Optional.of(directory));
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
