package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.JournalDecryptionException;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.PrivateKeyFile;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tabula journal show --key FILE --reason TEXT --ticket N}: re-identification. Opens the
 * sealed values of the records found, with the tenant's private key, here on the admin's machine
 * (the key file and its password never reach the engine or the database). The request (who, which
 * records, why) is logged before anything is shown; without a reason nothing is.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Reveal the sealed values of the calls of one exact value, with the tenant's private key",
      "file (asks its password). Needs a reason; every request is logged with who and why."
    })
public final class JournalShowCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordQuery query = new RecordQuery();

  @Mixin JournalUser user = new JournalUser();

  @Option(names = "--key", required = true, description = "The tenant's private key file (.pem).")
  Path keyFile;

  @Option(
      names = "--reason",
      required = true,
      description = "Why (a ticket number, a purpose); logged with the request.")
  String reason;

  @Option(
      names = "--password-file",
      description = "Read the key file's password from this file instead of asking.")
  Optional<Path> passwordFile = Optional.empty();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (reason.isBlank()) {
      err.println("tabula journal show: --reason must say why the records are opened");
      return 2;
    }
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          String[] fieldValue = query.fieldAndValue();
          JournalConfig config = query.readConfig();
          char[] password = Passwords.read(passwordFile, "Password of " + keyFile, false);
          JournalPrivateKey key;
          try {
            key = PrivateKeyFile.read(keyFile, password);
          } finally {
            Arrays.fill(password, '\0');
          }
          TenantJournal tenant = tenantOf(config, key);
          return JournalCommandRunner.withGate(
              user,
              config,
              (gate, archive) -> reveal(out, err, gate, archive, tenant, key, fieldValue));
        });
  }

  private int reveal(
      PrintWriter out,
      PrintWriter err,
      JournalGate gate,
      JournalArchive archive,
      TenantJournal tenant,
      JournalPrivateKey key,
      String[] fieldValue)
      throws JournalAccessDeniedException, JournalStoreException {
    List<JournalRecord> found =
        RecordQuery.admittedMatches(
                gate, archive, tenant, fieldValue, JournalAction.REIDENTIFY, reason)
            .records();
    for (JournalRecord record : found) {
      RecordPrinter.print(out, record, open(key, record, err));
      out.println();
    }
    out.printf(
        "%d record(s) of %s opened with key %s; the request was logged.%n",
        found.size(), tenant.tenant(), key.publicKey().id());
    return found.isEmpty() ? 1 : 0;
  }

  /** The tenant whose configuration lists this key (the key id names it). */
  private TenantJournal tenantOf(JournalConfig config, JournalPrivateKey key) {
    String id = key.publicKey().id();
    return query.tenants(config).stream()
        .filter(t -> t.publicKeys().stream().anyMatch(k -> k.id().equals(id)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no tenant of the configuration lists key "
                        + id
                        + "; use the key file of the tenant whose records you open"));
  }

  private static Map<String, String> open(
      JournalPrivateKey key, JournalRecord record, PrintWriter err) {
    Map<String, String> opened = new LinkedHashMap<>();
    for (SealedField field : record.sealed()) {
      byte[] aad = SealedField.associatedData(record.tenant(), record.id(), field.field());
      try {
        byte[] clear = JournalCipher.open(key, field.sealed(), aad);
        opened.put(field.field(), new String(clear, StandardCharsets.UTF_8));
        Arrays.fill(clear, (byte) 0);
      } catch (JournalDecryptionException e) {
        err.println("  " + field.field() + ": " + e.getMessage());
      }
    }
    return opened;
  }
}
