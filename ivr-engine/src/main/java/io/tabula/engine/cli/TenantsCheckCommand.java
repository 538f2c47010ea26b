package io.tabula.engine.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.lookup.ConnectionProblem;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.tenant.DatabaseCheck;
import io.tabula.engine.tenant.GatewayProbe;
import io.tabula.engine.tenant.Tenants;
import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.SecretsToCreate;
import io.tabula.engine.tenant.config.TenantFile;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.engine.tenant.config.TenantsConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabula tenants check}: every problem of every tenant file at once (exit 2), then, unless
 * {@code --offline}, one connection per tenant database and one TLS handshake per gateway, each on
 * its own progress line (exit 1 when any fails). Nothing is charged and no lookup runs.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the tenant files, then connect to each tenant database and gateway.",
      "Exit 0 all good, 1 a database or gateway cannot be reached, 2 the files have problems."
    })
final class TenantsCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Where the files are: a folder, or the engine configuration naming tenants.dir. */
  static final class Source {
    @Option(names = "--dir", paramLabel = "DIR", description = "The tenants folder.")
    Path dir;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "The engine configuration whose tenants.dir to check.")
    Path config;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  @Option(
      names = "--offline",
      description =
          "Check the files (and the secrets they point at) but connect to nothing. Secrets and"
              + " certificates that do not exist on this machine are listed as what to create on"
              + " the engine's, not as problems.")
  boolean offline;

  @Option(
      names = "--structure-only",
      description =
          "Check only the files' own shape: no CA, key or password file is opened (for templates).")
  boolean structureOnly;

  /** The environment secrets are read from; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> folder;
    try {
      folder = folder();
    } catch (ConfigException e) {
      err.println("tabula tenants check: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (folder.isEmpty()) {
      err.println(
          "tabula tenants check: no tenants folder; give --dir DIR, or --config FILE whose"
              + " tenants.dir is set (or set TABULA_TENANTS_DIR)");
      err.flush();
      return 2;
    }
    TenantsConfig config;
    SecretsToCreate toCreate = new SecretsToCreate();
    try {
      config = TenantFiles.load(folder.get(), fileChecks(toCreate));
      if (!structureOnly) {
        Tenants.checkGatewaySettings(config, t -> !toCreate.inPaymentSection(t.file()));
      }
    } catch (TenantsConfigException e) {
      e.problems().forEach(p -> err.println(p.render()));
      err.printf("%d problem(s) in the tenant files in %s%n", e.problems().size(), folder.get());
      err.flush();
      out.flush();
      return 2;
    }
    config.tenants().forEach(t -> out.println(summary(t)));
    out.printf("%d tenant file(s) in %s: no problems%n", config.tenants().size(), folder.get());
    List<String> missing = toCreate.lines();
    if (!missing.isEmpty()) {
      missing.forEach(out::println);
      out.printf(
          "%d secret(s) and certificate(s) to create before tabula serve (which refuses to start"
              + " without them)%n",
          missing.size());
    }
    out.flush();
    if (offline || structureOnly) {
      return 0;
    }
    return connect(config, out, err);
  }

  private FileChecks fileChecks(SecretsToCreate toCreate) {
    if (structureOnly) {
      return FileChecks.structureOnly();
    }
    return offline ? FileChecks.offline(environment, toCreate) : FileChecks.full(environment);
  }

  private Optional<Path> folder() {
    if (source.dir != null) {
      return Optional.of(source.dir);
    }
    return EngineConfigLoader.load(source.config, environment).tenants().folder();
  }

  private static String summary(TenantFile tenant) {
    return "  "
        + tenant.file().getFileName()
        + ": tenant "
        + tenant.tenant()
        + tenant
            .database()
            .map(d -> ", lookups " + d.connector() + " " + d.config().lookups().keySet())
            .orElse("")
        + tenant
            .payment()
            .map(p -> ", payments " + p.connector() + " via " + p.gateway().connector())
            .orElse("");
  }

  /** One connection check: a progress label and what to run. */
  private record Check(String label, Supplier<Outcome> run) {}

  /**
   * What a check found: ok, with a note or none, or failed, with the problem and its advice.
   *
   * @param ok whether the connection and its TLS handshake succeeded
   * @param text the note after "ok" or the problem after "FAILED"
   */
  record Outcome(boolean ok, String text) {

    static Outcome of(Optional<String> problem) {
      return problem.map(p -> new Outcome(false, p)).orElse(new Outcome(true, ""));
    }

    String line() {
      return ok
          ? "ok (TLS verified" + (text.isEmpty() ? "" : "; " + text) + ")"
          : "FAILED: " + text;
    }
  }

  private static int connect(TenantsConfig config, PrintWriter out, PrintWriter err) {
    Tenants tenants;
    try {
      tenants = Tenants.open(config, new SimpleMeterRegistry(), Clock.systemUTC());
    } catch (TenantsConfigException e) {
      e.problems().forEach(p -> err.println(p.render()));
      err.flush();
      return 2;
    } catch (RuntimeException e) {
      err.println("the tenants cannot be opened: " + e.getMessage());
      err.flush();
      return 2;
    }
    try (tenants) {
      List<Check> checks = checks(config, tenants);
      int failed = 0;
      for (int i = 0; i < checks.size(); i++) {
        out.printf("[%d/%d] %s ... ", i + 1, checks.size(), checks.get(i).label());
        out.flush();
        Outcome outcome = checks.get(i).run().get();
        out.println(outcome.line());
        failed += outcome.ok() ? 0 : 1;
      }
      out.printf("%d check(s), %d failed%n", checks.size(), failed);
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }

  private static List<Check> checks(TenantsConfig config, Tenants tenants) {
    List<Check> checks = new ArrayList<>();
    for (TenantFile tenant : config.tenants()) {
      String id = tenant.tenant();
      tenant
          .database()
          .ifPresent(
              d ->
                  checks.add(
                      new Check(
                          "tenant " + id + ": database " + d.endpoint(),
                          () -> database(tenants, id))));
      tenant
          .payment()
          .ifPresent(
              p ->
                  checks.add(
                      new Check(
                          "tenant "
                              + id
                              + ": gateway "
                              + p.connector()
                              + " at "
                              + p.gateway().endpoint(),
                          () -> Outcome.of(GatewayProbe.handshake(p.gateway())))));
    }
    return checks;
  }

  private static Outcome database(Tenants tenants, String tenant) {
    return database(() -> tenants.checkDatabase(tenant));
  }

  /**
   * One database check, tried once more when it timed out: in a fresh JVM the first TLS connection
   * loads and initialises classes while the tenants' pools fill beside it, and on a busy machine
   * that alone took longer than the default {@code database.limits.connect} of 3 s. A database that
   * times out twice fails.
   */
  static Outcome database(Supplier<Optional<DatabaseCheck>> attempt) {
    Optional<DatabaseCheck> first = attempt.get();
    if (first.flatMap(DatabaseCheck::problem).orElse(null) != ConnectionProblem.TIMED_OUT) {
      return Outcome.of(first.flatMap(check -> check.problem().map(check::advice)));
    }
    Optional<String> again = attempt.get().flatMap(check -> check.problem().map(check::advice));
    return again
        .map(problem -> new Outcome(false, problem + " (tried twice)"))
        .orElse(
            new Outcome(
                true,
                "the first attempt timed out, the second connected: a cold JVM, or a database"
                    + " close to database.limits.connect"));
  }
}
