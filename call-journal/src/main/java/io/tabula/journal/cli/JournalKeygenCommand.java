package io.tabula.journal.cli;

import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.PrivateKeyFile;
import io.tabula.journal.crypto.SearchKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabula journal keygen --tenant city}: a key pair for a tenant's admin. The private key
 * goes into a password-protected file for the admin to keep (never to the engine); the public key
 * is a line for the journal configuration. A search key is written too unless the folder has one.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Make a journal key pair for a tenant: <tenant>.journal-key.pem (the private key, encrypted",
      "with your password: keep it with the tenant's admins, never on the engine),",
      "<tenant>.journal-public-key (the line for tenants.<tenant>.publicKeys of the journal",
      "configuration) and, if missing, <tenant>.search-key (for the engine and search)."
    })
public final class JournalKeygenCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--tenant", required = true, description = "The tenant the keys are for.")
  String tenant;

  @Option(names = "--out", description = "Folder to write the files into (default: .).")
  Path out = Path.of(".");

  @Option(
      names = "--password-file",
      description = "Read the private key's password from this file instead of asking.")
  Optional<Path> passwordFile = Optional.empty();

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!tenant.matches("[A-Za-z0-9_-]{1,64}")) {
      stderr.println("tabula journal keygen: the tenant must be 1-64 letters, digits, _ and -");
      return 2;
    }
    Path privateFile = out.resolve(tenant + ".journal-key.pem");
    Path publicFile = out.resolve(tenant + ".journal-public-key");
    Path searchFile = out.resolve(tenant + ".search-key");
    if (Files.exists(privateFile) || Files.exists(publicFile)) {
      stderr.println(
          "tabula journal keygen: "
              + privateFile
              + " or its public key exists already; choose another --out (keys are never"
              + " overwritten: records sealed to the old key need it)");
      return 2;
    }
    char[] password;
    try {
      password = Passwords.read(passwordFile, "Password for the private key", true);
    } catch (IllegalArgumentException e) {
      stderr.println("tabula journal keygen: " + e.getMessage());
      return 2;
    }
    try {
      Files.createDirectories(out);
      JournalPrivateKey key = JournalPrivateKey.generate();
      PrivateKeyFile.write(privateFile, key, password);
      Files.writeString(publicFile, key.publicKey().text() + "\n");
      boolean newSearchKey = !Files.exists(searchFile);
      if (newSearchKey) {
        SearchKey.generate().write(searchFile);
      }
      stdout.println(
          "Private key (password-protected; give it to the tenant's admins): " + privateFile);
      stdout.println("Public key " + key.publicKey().id() + ": " + publicFile);
      stdout.println(
          newSearchKey
              ? "Search key (for the engine and for search): " + searchFile
              : "Search key kept: " + searchFile);
      stdout.println();
      stdout.println(
          "Add to the journal configuration, as the last key of tenants." + tenant + ":");
      stdout.println("  publicKeys:");
      stdout.println("    - " + key.publicKey().text());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write into " + out, e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
