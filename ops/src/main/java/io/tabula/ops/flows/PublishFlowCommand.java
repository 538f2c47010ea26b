package io.tabula.ops.flows;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.PostgresFlowStore;
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

  @Option(
      names = "--as",
      paramLabel = "LOGIN",
      description =
          "Publish as this console account: it signs in (password and authenticator code, read"
              + " from the terminal without echo, or two lines on standard input), must be"
              + " publisher of the flow's tenant, and the publish is recorded in the audit trail."
              + " Needs the access database options and --totp-key. Without --as nothing is"
              + " checked or recorded (single-engine development).")
  String as;

  @Option(
      names = "--totp-key",
      paramLabel = "FILE",
      description = "The key that seals TOTP secrets (the console's --totp-key); with --as.")
  Path totpKey;

  @Mixin io.tabula.ops.access.cli.AccessDatabaseOptions accessDatabase;

  /** Where the password and code come from when there is no terminal (tests, CI). */
  java.io.InputStream stdin = System.in;

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
    Target flowStore = new Target(where.get(), compiler);
    if (as == null) {
      if (accessDatabase.given()) {
        err.println(
            "tabula flows publish: with an access database give --as LOGIN, the account that"
                + " publishes.");
        err.flush();
        return 2;
      }
      err.println(
          "Note: publishing without access control (no --as): no role is checked and nothing is"
              + " recorded in the audit trail. Where accounts exist, give --as LOGIN.");
      return publish(flowStore, Optional.empty(), out, err);
    }
    return publishAs(compiler, flowStore, out, err);
  }

  private int publishAs(FlowCompiler compiler, Target flowStore, PrintWriter out, PrintWriter err)
      throws IOException {
    if (!accessDatabase.given() || totpKey == null) {
      err.println(
          "tabula flows publish: --as needs the access database (--db-host ... or"
              + " TABULA_ACCESS_DB_*) and --totp-key.");
      err.flush();
      return 2;
    }
    Optional<Flow> flow = compiler.compile(file).flow();
    if (flow.isEmpty()) {
      return publish(flowStore, Optional.empty(), out, err); // the store names the errors
    }
    PublisherCredentials credentials = PublisherCredentials.read(as, stdin);
    try (io.tabula.ops.access.cli.PublishGate gate =
        io.tabula.ops.access.cli.PublishGate.open(
            accessDatabase,
            totpKey,
            as,
            credentials.password(),
            credentials.code(),
            flow.get().tenant(),
            flow.get().name())) {
      return publish(flowStore, Optional.of(gate), out, err);
    } catch (io.tabula.ops.access.cli.PublishGate.RefusedException e) {
      err.println("Not published: " + e.getMessage() + ".");
      err.flush();
      return 1;
    } catch (io.tabula.ops.access.audit.AuditTrailException e) {
      err.println(
          "Not published: the audit trail cannot be written, so nothing was published; ask an"
              + " admin to check the access database, then try again.");
      err.flush();
      return 1;
    }
  }

  private int publish(
      Target flowStore,
      Optional<io.tabula.ops.access.cli.PublishGate> gate,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    String target = file.getFileName().toString();
    gate.ifPresent(g -> g.attempt(target));
    try {
      int version =
          flowStore.publish(
              file.toString(),
              Files.readString(file, StandardCharsets.UTF_8),
              as == null ? Publication.COMMAND_LINE : new Publication(as, ""));
      try {
        gate.ifPresent(g -> g.published(target, version));
      } catch (io.tabula.ops.access.audit.AuditTrailException e) {
        err.printf(
            "Published %s as version %d, but the audit trail could not record the outcome (the"
                + " attempt is recorded); ask an admin to check the access database.%n",
            file, version);
      }
      out.printf("Published %s as version %d in %s%n", file, version, flowStore.where().describe());
      out.flush();
      return 0;
    } catch (IOException e) {
      gate.ifPresent(g -> g.failed(target, "store unreachable"));
      err.println(
          "Not published: "
              + e.getMessage()
              + ". The version already live keeps serving; publish again once the store is"
              + " reachable.");
      err.flush();
      return 1;
    } catch (PublishRejectedException e) {
      gate.ifPresent(g -> g.failed(target, "rejected"));
      FlowFiles.print(e.problems(), err);
      err.println("Not published: " + e.getMessage() + ". The version already live keeps serving.");
      err.flush();
      return 1;
    }
  }

  /** The store to publish to, opened (for PostgreSQL: connected) only when publishing. */
  private record Target(StoreLocation where, FlowCompiler compiler) {
    /** Opens the store, publishes, and closes it (for PostgreSQL: its pool) again. */
    int publish(String source, String text, Publication by)
        throws IOException, PublishRejectedException {
      FlowVersions store = where.open(compiler, Clock.systemUTC());
      try {
        return store.publish(source, text, by);
      } finally {
        if (store instanceof PostgresFlowStore postgres) {
          postgres.close();
        }
      }
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
