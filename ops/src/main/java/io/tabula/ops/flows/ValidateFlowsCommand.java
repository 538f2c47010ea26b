package io.tabula.ops.flows;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.ops.prompts.FlowAudio;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula flows validate DIR}: every problem of every flow file, printed like a compiler. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check every flow file (*.yaml) under the given directories or files.",
      "Prints file:line:col: error: ... for each problem; exits 1 when there is any.",
      "Every prompt must have audio in the sounds folder (--sounds, or the checkout's sounds/);"
          + " without one, the audio is not checked and a warning says so."
    })
final class ValidateFlowsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "Flow directories (e.g. flows/) or files.")
  List<Path> paths;

  @Option(
      names = "--lookup-connector",
      paramLabel = "NAME",
      description = "A lookup connector name flows may use, besides the built-in demo ones.")
  List<String> lookups = new ArrayList<>();

  @Option(
      names = "--payment-connector",
      paramLabel = "NAME",
      description = "A payment connector name flows may use, besides the built-in demo ones.")
  List<String> payments = new ArrayList<>();

  @Mixin SoundsOption sounds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        err.println(
            path
                + ": error: no such file or directory; fix: give a directory of flow files such as flows/");
        return 2;
      }
      files.addAll(flowFiles(path));
    }
    if (files.isEmpty()) {
      err.println(
          "error: no flow files (*.yaml) found; fix: point at the directory that holds <tenant>/<flow>.yaml files");
      return 2;
    }
    Optional<SoundsOption.Folders> audio = sounds.folders(err);
    if (audio.isEmpty()) {
      return 2;
    }
    ConnectorCatalog catalog = FlowFiles.catalog(lookups, payments);
    int errors = 0;
    int warnings = 0;
    for (Path file : files) {
      FlowCompiler.Compiled compiled = new FlowCompiler(catalog).compile(file);
      List<Diagnostic> problems = new ArrayList<>(compiled.problems());
      compiled.flow().ifPresent(flow -> problems.addAll(layout(file, flow)));
      if (audio.get() instanceof SoundsOption.Known(List<Path> dirs)) {
        compiled.flow().ifPresent(flow -> problems.addAll(FlowAudio.missing(flow, dirs)));
      }
      FlowFiles.print(problems, err);
      int fileErrors = (int) problems.stream().filter(Diagnostic::isError).count();
      errors += fileErrors;
      warnings += problems.size() - fileErrors;
    }
    if (audio.get() instanceof SoundsOption.Unknown(String why, String fix)) {
      err.println("warning: the prompts' audio was not checked: " + why + "; " + fix);
      err.flush();
      warnings++;
    }
    out.printf(
        "%d flow file(s) checked, %d error(s)%s%n",
        files.size(), errors, warnings == 0 ? "" : ", " + warnings + " warning(s)");
    out.flush();
    return errors == 0 ? 0 : 1;
  }

  private static List<Path> flowFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".yaml")
                      || p.getFileName().toString().endsWith(".yml"))
          .filter(p -> !p.toString().contains("/.published/"))
          .sorted()
          .toList();
    }
  }

  /** A store file lives at {@code <tenant>/<flow>.yaml}; its header must say the same. */
  private static List<Diagnostic> layout(Path file, Flow flow) {
    String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Path parent = file.toAbsolutePath().getParent();
    List<Diagnostic> problems = new ArrayList<>();
    SourcePos top = new SourcePos(file.toString(), 1, 1);
    if (!flow.name().equals(expected)) {
      problems.add(
          new Diagnostic(
              top,
              "the file is named '" + expected + "' but says 'flow: " + flow.name() + "'",
              "rename the file to " + flow.name() + ".yaml or change 'flow:'"));
    }
    if (parent != null
        && parent.getFileName() != null
        && !flow.tenant().equals(parent.getFileName().toString())) {
      problems.add(
          new Diagnostic(
              top,
              "the file is in folder '"
                  + parent.getFileName()
                  + "' but says 'tenant: "
                  + flow.tenant()
                  + "'",
              "move it to " + flow.tenant() + "/ or change 'tenant:'"));
    }
    return problems;
  }
}
