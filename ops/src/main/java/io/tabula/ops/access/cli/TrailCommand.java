package io.tabula.ops.access.cli;

import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import io.tabula.ops.access.audit.TrailExport;
import io.tabula.ops.access.audit.TrailKeys;
import io.tabula.ops.access.audit.TrailReader;
import io.tabula.ops.access.audit.TrailVerifier;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tabula audit trail verify|export|keygen}: the access audit trail. */
@Command(
    name = "trail",
    mixinStandardHelpOptions = true,
    description = "The access audit trail: check its hash chain and signatures, export it.",
    subcommands = {TrailCommand.Verify.class, TrailCommand.Export.class, TrailCommand.Keygen.class})
public final class TrailCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Checks the chain and every signed head; names the first broken record. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Check every record's hash and link and every signed head.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:intact", "1:broken (the first broken record is named)", "2:cannot check"})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AccessDatabaseOptions db;

    @Option(
        names = "--public-key",
        required = true,
        paramLabel = "FILE",
        description = "The trail's Ed25519 public key (PEM), made by tabula audit trail keygen.")
    Path publicKey;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (AccessDatabase database = db.open()) {
        TrailVerifier.Result result =
            new TrailVerifier(
                    new TrailReader(database.dataSource()), TrailKeys.publicKey(publicKey))
                .verify();
        if (result.intact()) {
          out.printf(
              "Audit trail intact: %d record(s), %d signed head(s) verified.%n",
              result.records(), result.checkpoints());
          out.flush();
          return 0;
        }
        TrailVerifier.Break broken = result.firstBreak().orElseThrow();
        err.printf(
            "Audit trail BROKEN at record %d: %s.%nRecords from %d on cannot be trusted; compare"
                + " with the last export your SIEM holds and investigate who had database"
                + " access.%n",
            broken.seq(), broken.problem().explanation(), broken.seq());
        err.flush();
        return 1;
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        err.println("Cannot verify the audit trail: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  /** Writes JSON lines, one record each; the export itself is recorded in the trail. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the trail as JSON lines (one record per line) for a SIEM.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AccessDatabaseOptions db;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Where to write; default standard output.")
    Path outFile;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's records.")
    String tenant;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try (AccessDatabase database = db.open()) {
        long count;
        try (Writer out = writer()) {
          count = TrailExport.write(new TrailReader(database.dataSource()), tenant, out);
        }
        Actor actor = CliActor.current();
        AccessSettings defaults = AccessSettings.defaults();
        new AuditTrail(
                database.dataSource(), defaults.clock(), Optional.empty(), defaults.signEvery())
            .record(
                new AuditEvent(
                    actor.login(),
                    AuditAction.EXPORT,
                    tenant == null ? "-" : tenant,
                    outFile == null ? "stdout" : outFile.toString(),
                    actor.source(),
                    Outcome.SUCCESS,
                    "records=" + count));
        err.printf("Exported %d record(s).%n", count);
        err.flush();
        return 0;
      } catch (IOException | RuntimeException e) {
        err.println("Cannot export the audit trail: " + e.getMessage());
        err.flush();
        return 2;
      }
    }

    private Writer writer() throws IOException {
      if (outFile == null) {
        return new FilterWriter(spec.commandLine().getOut()) {
          @Override
          public void close() throws IOException {
            flush(); // standard output stays open
          }
        };
      }
      return Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
    }
  }

  /** Makes the Ed25519 key pair that signs the trail's head. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Make the Ed25519 key pair that signs the trail's chain head.",
        "Keep the private key where the console runs (mode 0600, never in the database); give"
            + " the public key to whoever runs verify."
      })
  static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--private-key", required = true, paramLabel = "FILE")
    Path privateKey;

    @Option(names = "--public-key", required = true, paramLabel = "FILE")
    Path publicKey;

    @Override
    public Integer call() {
      try {
        TrailKeys.generate(privateKey, publicKey);
        spec.commandLine()
            .getOut()
            .printf("Wrote %s (private, 0600) and %s (public).%n", privateKey, publicKey);
        spec.commandLine().getOut().flush();
        return 0;
      } catch (IOException | GeneralSecurityException e) {
        spec.commandLine()
            .getErr()
            .println(
                "Cannot write the key pair: "
                    + e.getMessage()
                    + "; choose paths that do not exist yet in a writable folder");
        spec.commandLine().getErr().flush();
        return 2;
      }
    }
  }
}
