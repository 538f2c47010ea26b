package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.crypto.JournalPublicKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tabula journal register-key --tenant city --public-key city.journal-public-key}: key
 * rotation. Appends the public key {@code keygen} wrote as the tenant's newest key in the journal
 * configuration (new records are sealed to it once the engine restarts; older keys stay listed so
 * older records still open). An admin's act: under access control it needs the {@code admin} role
 * on the tenant and is recorded in the audit trail before the file changes.
 */
@Command(
    name = "register-key",
    mixinStandardHelpOptions = true,
    description = {
      "Add a tenant's new public key (the file keygen wrote) as its newest key in the journal",
      "configuration: rotation. Restart the engine to seal new records to it."
    })
public final class JournalRegisterKeyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordQuery query = new RecordQuery();

  @Mixin JournalUser user = new JournalUser();

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "FILE",
      description = "The <tenant>.journal-public-key file keygen wrote.")
  Path publicKeyFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          if (query.tenant.isEmpty()) {
            throw new IllegalArgumentException("give --tenant: the tenant whose key this is");
          }
          Path file = query.configFile();
          JournalConfig config = JournalConfig.read(file);
          TenantJournal tenant = query.tenants(config).getFirst();
          JournalPublicKey key = JournalPublicKey.parse(firstLine(publicKeyFile));
          if (tenant.publicKeys().stream().anyMatch(k -> k.id().equals(key.id()))) {
            throw new IllegalArgumentException(
                key.id() + " is already a key of " + tenant.tenant() + "; nothing to do");
          }
          JournalCommandRunner.withGate(
              user,
              config,
              (gate, archive) -> {
                gate.admit(JournalAction.KEY_CHANGE, tenant.tenant());
                gate.record(
                    new JournalAccess(
                        JournalAction.KEY_CHANGE,
                        tenant.tenant(),
                        "-",
                        List.of(),
                        "register " + key.id()));
                append(file, tenant.tenant(), key);
                return null;
              });
          out.printf(
              "%s is now the newest key of %s in %s; restart the engine so new records are sealed"
                  + " to it, and keep the old private keys while their records are within"
                  + " retention.%n",
              key.id(), tenant.tenant(), file);
          return 0;
        });
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).getFirst().strip();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalArgumentException(
          "cannot read " + file + "; give the .journal-public-key file keygen wrote");
    }
  }

  /**
   * Inserts the key's line after the last item of {@code tenants.<tenant>.publicKeys}, keeping the
   * rest of the file (comments too) as it is; the result must read back with the key as the
   * tenant's newest, or the file is left untouched.
   */
  static void append(Path file, String tenant, JournalPublicKey key) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      int last = lastKeyLine(lines, tenant);
      String indent = lines.get(last).substring(0, lines.get(last).indexOf('-'));
      lines.add(last + 1, indent + "- " + key.text());
      Path candidate =
          Files.createTempFile(file.toAbsolutePath().getParent(), ".journal-", ".yaml");
      try {
        Files.write(candidate, lines, StandardCharsets.UTF_8);
        List<JournalPublicKey> keys =
            JournalConfig.read(candidate).tenants().get(tenant).publicKeys();
        if (!keys.getLast().id().equals(key.id())) {
          throw new IllegalArgumentException(
              "could not add the key to tenants." + tenant + ".publicKeys; add the line by hand");
        }
        Files.move(
            candidate, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(candidate);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot rewrite " + file + "; check its permissions", e);
    }
  }

  private static int lastKeyLine(List<String> lines, String tenant) {
    int tenantLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\s+" + java.util.regex.Pattern.quote(tenant) + ":\\s*(#.*)?")) {
        tenantLine = i;
        break;
      }
    }
    int keysLine = -1;
    for (int i = tenantLine + 1; tenantLine >= 0 && i < lines.size(); i++) {
      if (lines.get(i).matches("\\s+publicKeys:\\s*(#.*)?")) {
        keysLine = i;
        break;
      }
    }
    int last = -1;
    for (int i = keysLine + 1; keysLine >= 0 && i < lines.size(); i++) {
      if (lines.get(i).matches("\\s*-\\s.*")) {
        last = i;
      } else if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
        break;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException(
          "tenants." + tenant + ".publicKeys is not a list of '- key' lines; add the line by hand");
    }
    return last;
  }
}
