package io.tabula.ops.console;

import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.Sealed;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import java.util.Base64;
import java.util.List;

/**
 * What the re-identification request returns: each record's sealed values as HPKE left them, with
 * the {@code info} and associated data the browser needs to open them. Nothing here is clear text.
 */
record SealedValues(String tenant, List<Record> records) {

  /** One record's sealed values. */
  record Record(String id, List<Value> values) {}

  /** One sealed value, base64. */
  record Value(
      String field, String keyId, String enc, String ciphertext, String info, String aad) {}

  static SealedValues of(String tenant, List<JournalRecord> records) {
    return new SealedValues(
        tenant,
        records.stream()
            .map(
                r ->
                    new Record(
                        r.id().toString(), r.sealed().stream().map(f -> value(r, f)).toList()))
            .toList());
  }

  private static Value value(JournalRecord record, SealedField field) {
    Base64.Encoder b64 = Base64.getEncoder();
    Sealed sealed = field.sealed();
    return new Value(
        field.field(),
        sealed.keyId(),
        b64.encodeToString(sealed.enc()),
        b64.encodeToString(sealed.ciphertext()),
        b64.encodeToString(JournalCipher.info(sealed.keyId())),
        b64.encodeToString(
            SealedField.associatedData(record.tenant(), record.id(), field.field())));
  }
}
