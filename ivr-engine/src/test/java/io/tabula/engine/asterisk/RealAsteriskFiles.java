package io.tabula.engine.asterisk;

import java.nio.file.Path;

/** Where the repository's shipped Asterisk configuration and flows are, for these tests. */
final class RealAsteriskFiles {

  static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", "..")).toAbsolutePath();
  static final Path SHIPPED_ASTERISK = REPO.resolve("docker/asterisk");
  static final Path FLOWS = REPO.resolve("flows");

  private RealAsteriskFiles() {}
}
