package io.tabula.ops.flows;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.ops.prompts.FlowAudio;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula flows publish FILE --store DIR} (or {@code --engine-config tabula.yaml}, for the
 * store the engines' settings name, PostgreSQL included): validate, then publish as the next
 * version.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a flow file and publish it as the next immutable version in the store.",
      "Engines watching the store pick it up for new calls; calls in progress keep their version.",
      "A flow with any error is not published, nor one whose prompts lack audio in the sounds"
          + " folder (--sounds, or the checkout's sounds/)."
    })
final class PublishFlowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The flow file, e.g. flows/city/parking-ticket.yaml.")
  Path file;

  @Mixin StoreOption store;

  @Option(
      names = "--lookup-connector",
      paramLabel = "NAME",
      description = "A lookup connector name the engines provide.")
  List<String> lookups = new ArrayList<>();

  @Option(
      names = "--payment-connector",
      paramLabel = "NAME",
      description = "A payment connector name the engines provide.")
  List<String> payments = new ArrayList<>();

  @Mixin SoundsOption sounds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println(file + ": error: no such file; fix: give the path of the flow file to publish");
      err.flush();
      return 2;
    }
    FlowCompiler compiler = new FlowCompiler(FlowFiles.catalog(lookups, payments));
    Optional<SoundsOption.Folders> audio = sounds.folders(err);
    if (audio.isEmpty()) {
      return 2;
    }
    Optional<Integer> refused = refuseSilentPrompts(compiler, audio.get(), err);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<StoreLocation> where = store.location(System.getenv(), err);
    if (where.isEmpty()) {
      return 2;
    }
    try {
      FlowVersions versions = where.get().open(compiler, Clock.systemUTC());
      int version =
          versions.publish(
              file.toString(),
              Files.readString(file, StandardCharsets.UTF_8),
              Publication.COMMAND_LINE);
      out.printf("Published %s as version %d in %s%n", file, version, where.get().describe());
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println(
          "Not published: "
              + e.getMessage()
              + ". The version already live keeps serving; publish again once the store is"
              + " reachable.");
      err.flush();
      return 1;
    } catch (PublishRejectedException e) {
      FlowFiles.print(e.problems(), err);
      err.println("Not published: " + e.getMessage() + ". The version already live keeps serving.");
      err.flush();
      return 1;
    }
  }

  /**
   * Fail closed: a version goes live only when every prompt has audio where Asterisk looks. Returns
   * the exit status when publishing must stop; a flow with other problems is left to the store's
   * own validation, which names them.
   */
  private Optional<Integer> refuseSilentPrompts(
      FlowCompiler compiler, SoundsOption.Folders audio, PrintWriter err) throws IOException {
    if (audio instanceof SoundsOption.Unknown(String why, String fix)) {
      err.println(file + ": error: " + why + "; fix: " + fix);
      err.println(
          "Not published: its prompts' audio could not be checked. The version already live"
              + " keeps serving.");
      err.flush();
      return Optional.of(1);
    }
    List<Path> dirs = ((SoundsOption.Known) audio).dirs();
    Optional<Flow> flow = compiler.compile(file).flow();
    List<Diagnostic> silent = flow.map(f -> FlowAudio.missing(f, dirs)).orElse(List.of());
    if (silent.isEmpty()) {
      return Optional.empty();
    }
    FlowFiles.print(silent, err);
    err.println(
        "Not published: "
            + silent.size()
            + " prompt(s) have no audio in "
            + dirs
            + ", so callers would hear silence. The version already live keeps serving.");
    err.flush();
    return Optional.of(1);
  }
}
