package io.tabula.ops.flows;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Shared by the flow commands: finding a flow file (on disk or shipped) and compiling it. */
final class FlowFiles {

  private FlowFiles() {}

  /** The demo connectors' names plus any named on the command line. */
  static ConnectorCatalog catalog(List<String> lookups, List<String> payments) {
    return ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()))
        .with(Set.copyOf(lookups), Set.copyOf(payments));
  }

  /** The text of {@code name}: a file, or else a shipped flow such as city/parking-ticket.yaml. */
  static Optional<String> text(String name) throws IOException {
    Path path = Path.of(name);
    if (Files.isRegularFile(path)) {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    }
    return ShippedFlowFiles.read(name);
  }

  /**
   * The folder of the flow file {@code name} names: the file's own, or the checkout's for a shipped
   * flow; empty for a shipped flow the jar carries.
   */
  static Optional<Path> folder(String name) {
    Path path = Path.of(name);
    if (Files.isRegularFile(path)) {
      return Optional.of(path.toAbsolutePath().getParent());
    }
    return ShippedFlowFiles.checkoutFile(name).map(Path::getParent);
  }

  /** Compiles {@code name} and prints its problems; empty when it cannot run. */
  static Optional<FlowCompiler.Compiled> compile(
      String name, ConnectorCatalog catalog, PrintWriter err) throws IOException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      err.println(
          name
              + ": error: no such file; fix: give the path of a flow file, or one of the shipped flows: "
              + String.join(", ", ShippedFlowFiles.names()));
      return Optional.empty();
    }
    FlowCompiler.Compiled compiled = new FlowCompiler(catalog).compile(name, text.get());
    print(compiled.problems(), err);
    return Optional.of(compiled);
  }

  static void print(List<Diagnostic> problems, PrintWriter err) {
    problems.forEach(problem -> err.println(problem.render()));
    err.flush();
  }
}
