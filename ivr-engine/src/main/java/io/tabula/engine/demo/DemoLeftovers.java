package io.tabula.engine.demo;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.OwnedTempFolder;
import io.tabula.engine.flows.EngineFlows;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The temporary folders a demo run leaves when it is killed: its work folder, the embedded
 * PostgreSQL's folder and the engine's copy of the shipped flows. Each names the process that owns
 * it; the next demo removes those whose process is gone and leaves every running one's alone.
 */
public final class DemoLeftovers {

  /** Prefixes of the folders a demo run creates. */
  public static final Set<String> PREFIXES =
      Set.of("tabula-demo-", EmbeddedPostgres.FOLDER_PREFIX, EngineFlows.FOLDER_PREFIX);

  /**
   * Demo and PostgreSQL folders made before owners were marked go too once no process holds
   * anything in them (a running demo holds its log file, a running server its data folder).
   */
  private static final Set<String> UNMARKED =
      Set.of("tabula-demo-", EmbeddedPostgres.FOLDER_PREFIX);

  private DemoLeftovers() {}

  /** Removes the leftovers of dead runs from {@code dir}; returns what it removed. */
  public static List<Path> remove(Path dir) {
    return OwnedTempFolder.removeLeftovers(dir, PREFIXES, UNMARKED);
  }

  /** Removes them from the system's temporary folder and says so when there were any. */
  public static void remove(PrintWriter out) {
    List<Path> removed = remove(OwnedTempFolder.systemTemp());
    if (!removed.isEmpty()) {
      out.printf(
          "Removed %d folder(s) that earlier demo runs left in %s.%n",
          removed.size(), OwnedTempFolder.systemTemp());
      out.flush();
    }
  }
}
