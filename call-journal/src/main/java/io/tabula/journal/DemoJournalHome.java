package io.tabula.journal;

import java.nio.file.Path;

/**
 * Where {@code tabula demo} keeps its call journal between runs, so that {@code tabula journal
 * search} finds the demo's call after the demo ended: {@code $TABULA_DEMO_HOME/journal}, else
 * {@code ~/.local/share/tabula/demo/journal}, or, when the JVM runs as root (the embedded
 * PostgreSQL then runs as {@code nobody}, who cannot enter root's home), {@code
 * <tmpdir>/tabula-demo-home/journal}. It holds {@code journal.yaml}, the demo tenants' keys and the
 * embedded PostgreSQL's data. Demo only: its private keys' password is in a file beside them.
 */
public final class DemoJournalHome {

  /** The system property tests set to keep the demo away from the user's folder. */
  public static final String PROPERTY = "tabula.demo.home";

  private DemoJournalHome() {}

  public static Path folder() {
    String configured = System.getProperty(PROPERTY, System.getenv("TABULA_DEMO_HOME"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().resolve("journal");
    }
    if ("root".equals(System.getProperty("user.name"))) {
      return Path.of(System.getProperty("java.io.tmpdir"), "tabula-demo-home", "journal");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "tabula", "demo", "journal");
  }

  public static Path config() {
    return folder().resolve("journal.yaml");
  }
}
