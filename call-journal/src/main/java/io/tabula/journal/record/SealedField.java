package io.tabula.journal.record;

import io.tabula.journal.crypto.Sealed;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A value sealed to the tenant's public key: a keyed field ({@code source = keyed}) or a lookup
 * output ({@code source = lookup}). The associated data binds it to its tenant, record and field.
 */
public record SealedField(String step, String field, String source, Sealed sealed) {

  public SealedField {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sealed, "sealed");
  }

  /** {@code tabula-journal-v1|<tenant>|<record id>|<field>}: what a sealed value is bound to. */
  public static byte[] associatedData(String tenant, UUID record, String field) {
    return ("tabula-journal-v1|" + tenant + "|" + record + "|" + field)
        .getBytes(StandardCharsets.UTF_8);
  }
}
