package io.tabula.connectors.lookup;

import io.tabula.masking.memory.SecretCopy;
import io.tabula.masking.memory.SecretField;
import java.io.IOException;
import org.postgresql.util.ByteStreamWriter;

/**
 * Streams a secret field's digits straight into pgjdbc's output stream when the statement is sent,
 * so the digits never become a String, a char array or a byte array of ours. The copies are a
 * {@link SecretCopy} in native memory, zeroed as soon as the write ends, the driver's reused socket
 * buffers and the TLS record being encrypted.
 *
 * <p>pgjdbc renders a bytea parameter as text only for {@code PreparedStatement.toString()} and for
 * FINEST wire logging; the connector calls neither and {@link DriverLogGuard} keeps pgjdbc's logger
 * above FINEST.
 */
final class SecretFieldWriter implements ByteStreamWriter {

  private final SecretField field;
  private final int length;

  SecretFieldWriter(SecretField field) {
    this.field = field;
    this.length = field.length();
  }

  @Override
  public int getLength() {
    return length;
  }

  /**
   * The digits are copied out of the call's memory first and written from the copy: the write may
   * block on the socket, and nothing that blocks may run inside {@link SecretField#read}, where it
   * would keep the call's memory from being zeroed at hangup.
   */
  @Override
  public void writeTo(ByteStreamTarget target) throws IOException {
    try (SecretCopy digits = field.copy()) {
      if (digits.length() != length) {
        throw new IOException(
            "secret field '" + field.name() + "' changed while it was being sent");
      }
      digits.writeTo(target.getOutputStream());
    }
  }

  @Override
  public String toString() {
    return field.toString();
  }
}
