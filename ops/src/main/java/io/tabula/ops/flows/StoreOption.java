package io.tabula.ops.flows;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which flow store {@code flows publish} writes to (a picocli mixin): a folder given with {@code
 * --store}, or whatever the engines' settings file names ({@code --engine-config tabula.yaml}: a
 * folder or the shared PostgreSQL store).
 */
final class StoreOption {

  @ArgGroup(multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(
        names = "--store",
        paramLabel = "DIR",
        description = "The flow store directory the engines read (their flows.store).")
    Path folder;

    @Option(
        names = "--engine-config",
        paramLabel = "FILE",
        description =
            "The engines' settings file (tabula serve --config): publish to the store it names,"
                + " a folder or flows.store: postgres with flows.postgres.*; the engines'"
                + " TABULA_FLOWS_* variables count as for the engine.")
    Path engineConfig;
  }

  /** The store, or empty with the problem printed. */
  Optional<StoreLocation> location(Map<String, String> environment, PrintWriter err) {
    if (choice.folder != null) {
      return Optional.of(StoreLocation.folder(choice.folder));
    }
    try {
      return Optional.of(StoreLocation.fromEngineConfig(choice.engineConfig, environment));
    } catch (IOException e) {
      err.println(
          choice.engineConfig
              + ": error: cannot read the engines' settings file ("
              + e.getClass().getSimpleName()
              + "); fix: check the path and that this user may read it");
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
    }
    err.flush();
    return Optional.empty();
  }
}
