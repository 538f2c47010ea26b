package io.tabula.ops.flows;

import io.tabula.flows.graph.MermaidWriter;
import io.tabula.flows.model.Flow;
import io.tabula.ops.graph.DiagramSvg;
import io.tabula.ops.graph.FlowDiagram;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula flows graph FILE}: the flow as Mermaid text and as an SVG picture laid out by the
 * Eclipse Layout Kernel, written next to the flow file (or into {@code --out}).
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description =
        "Draw a flow: writes <flow>.mmd (Mermaid) and <flow>.svg next to the flow file, or into"
            + " --out.")
final class GraphFlowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A flow file, or a shipped flow such as city/parking-ticket.yaml.")
  String file;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Where to write the files (default: the flow file's folder; for a shipped flow read"
              + " from the jar, the current directory).")
  Path out;

  @Option(names = "--lookup-connector", hidden = true)
  List<String> lookups = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var compiled = FlowFiles.compile(file, FlowFiles.catalog(lookups, List.of()), err);
    if (compiled.isEmpty() || compiled.get().flow().isEmpty()) {
      err.println("The flow has errors; fix them (see above), then draw it again.");
      err.flush();
      return 1;
    }
    Flow flow = compiled.get().flow().get();
    Path folder = out != null ? out : FlowFiles.folder(file).orElse(Path.of("."));
    Files.createDirectories(folder);
    Path mermaid = folder.resolve(flow.name() + ".mmd");
    Path svg = folder.resolve(flow.name() + ".svg");
    Files.writeString(mermaid, MermaidWriter.write(flow), StandardCharsets.UTF_8);
    Files.writeString(svg, DiagramSvg.write(FlowDiagram.layout(flow)), StandardCharsets.UTF_8);
    stdout.printf("Wrote %s and %s (%d steps)%n", mermaid, svg, flow.steps().size());
    stdout.flush();
    return 0;
  }
}
