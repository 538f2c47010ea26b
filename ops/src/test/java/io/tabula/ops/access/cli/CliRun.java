package io.tabula.ops.access.cli;

import io.tabula.ops.access.AccessDatabaseSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs a command in-process against a test database; keeps exit code, out and err. */
record CliRun(int exit, String out, String err) {

  static CliRun run(Object command, AccessDatabaseSettings db, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--db-host", db.host(),
            "--db-port", Integer.toString(db.port()),
            "--db-name", db.database(),
            "--db-user", db.user(),
            "--db-password-file", db.passwordFile().toString(),
            "--db-ca", db.caCertificate().toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(all.toArray(String[]::new));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
