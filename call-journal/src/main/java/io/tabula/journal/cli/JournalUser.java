package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.access.AccessDatabaseRef;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAccessLog;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.access.JournalGateProvider;
import io.tabula.journal.access.JournalSignIn;
import io.tabula.journal.store.JournalArchive;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import picocli.CommandLine.Option;

/**
 * Who runs a journal command. When the configuration names an access database ({@code access:}),
 * the user signs in as in the console (password, then the authenticator's code) and every command
 * is checked against their roles on the tenant and recorded in the hash-chained audit trail first;
 * without one (the demo), {@code --as} only names them in the journal's own access table.
 */
final class JournalUser {

  @Option(
      names = "--as",
      paramLabel = "LOGIN",
      description =
          "Who asks: the console login to sign in with when the configuration names an access"
              + " database, else a name for the access log (default: $USER).")
  Optional<String> login = Optional.empty();

  @Option(
      names = "--user-password-file",
      paramLabel = "FILE",
      description = "Read the sign-in password from this file instead of asking (scripts).")
  Optional<Path> passwordFile = Optional.empty();

  @Option(
      names = "--code",
      paramLabel = "NNNNNN",
      description = "The authenticator's current code (asked on the terminal when missing).")
  Optional<String> code = Optional.empty();

  /** The gate every access of this command goes through (close it when done). */
  JournalGate gate(JournalConfig config, JournalArchive archive)
      throws JournalAccessDeniedException {
    if (config.access().isEmpty()) {
      return new JournalAccessLog(archive, login.orElseGet(JournalUser::osUser));
    }
    AccessDatabaseRef access = config.access().get();
    String who =
        login.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "this journal is under access control: give --as LOGIN (your console login)"));
    JournalGateProvider provider =
        ServiceLoader.load(JournalGateProvider.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the configuration names an access database but this build has no access"
                            + " control; run the tabula command of the full distribution"));
    char[] password = Passwords.read(passwordFile, "Password of " + who, false);
    try (JournalSignIn signIn = new JournalSignIn(who, password, code.or(JournalUser::askCode))) {
      return provider.signIn(access, signIn);
    }
  }

  private static Optional<String> askCode() {
    Console console = System.console();
    return console == null
        ? Optional.empty()
        : Optional.ofNullable(console.readLine("Authenticator code: ")).map(String::strip);
  }

  private static String osUser() {
    String user = System.getenv("USER");
    return user == null || user.isBlank() ? System.getProperty("user.name") : user;
  }
}
