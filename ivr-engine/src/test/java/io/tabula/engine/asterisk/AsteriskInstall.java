package io.tabula.engine.asterisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a runnable Asterisk build is: the system property {@code tabula.asterisk.dir}, else the
 * environment variable {@code TABULA_ASTERISK_DIR}, else {@code ../shared/asterisk} beside the
 * repository (the build kept for these machines; its README says how it runs). It must hold {@code
 * bin/asterisk} (a wrapper that sets the library path), {@code modules/} and {@code
 * documentation/}.
 *
 * <pre>{@code
 * AsteriskInstall install = AsteriskInstall.find().orElseThrow();
 * Path daemon = install.daemon();
 * }</pre>
 */
record AsteriskInstall(Path home) {

  static final String PROPERTY = "tabula.asterisk.dir";
  static final String VARIABLE = "TABULA_ASTERISK_DIR";

  /** The configured folder, whether or not it holds an Asterisk. */
  static Path configuredHome() {
    String property = System.getProperty(PROPERTY, "");
    if (!property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    String variable = System.getenv().getOrDefault(VARIABLE, "");
    if (!variable.isBlank()) {
      return Path.of(variable).toAbsolutePath();
    }
    return RealAsteriskFiles.REPO.resolve("../shared/asterisk").toAbsolutePath().normalize();
  }

  static Optional<AsteriskInstall> find() {
    Path home = configuredHome();
    AsteriskInstall install = new AsteriskInstall(home);
    return install.complete() ? Optional.of(install) : Optional.empty();
  }

  /** Why {@link #find()} found nothing, for a skipped test's message. */
  static String whyMissing() {
    return "no Asterisk build at "
        + configuredHome()
        + " (bin/asterisk, modules/, documentation/); set -D"
        + PROPERTY
        + " or "
        + VARIABLE
        + " to one (see ../shared/asterisk/README.md)";
  }

  /**
   * Why the build found by {@link #find()} cannot run here, if it cannot: {@code asterisk -V} must
   * answer (it fails when a system library of the build's README is missing).
   */
  Optional<String> whyNotRunnable() {
    try {
      Process version =
          new ProcessBuilder(daemon().toString(), "-V").redirectErrorStream(true).start();
      String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
        return Optional.empty();
      }
      version.destroyForcibly();
      return Optional.of(
          daemon() + " -V failed (" + said.strip() + "); install the libraries its README lists");
    } catch (IOException e) {
      return Optional.of("cannot run " + daemon() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking " + daemon());
    }
  }

  private boolean complete() {
    return Files.isExecutable(daemon())
        && Files.isDirectory(modules())
        && Files.isDirectory(documentation());
  }

  Path daemon() {
    return home.resolve("bin/asterisk");
  }

  Path modules() {
    return home.resolve("modules");
  }

  Path documentation() {
    return home.resolve("documentation");
  }
}
