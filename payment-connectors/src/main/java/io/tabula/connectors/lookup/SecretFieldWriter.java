package io.tabula.connectors.lookup;

import io.tabula.masking.memory.SecretField;
import java.io.IOException;
import java.io.OutputStream;
import org.postgresql.util.ByteStreamWriter;

/**
 * Streams a secret field's digits straight into pgjdbc's output stream when the statement is sent,
 * so the digits never become a String, a char array or a byte array of ours. The only copies are
 * inside the driver's reused socket buffers and the TLS record being encrypted.
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

  @Override
  public void writeTo(ByteStreamTarget target) throws IOException {
    OutputStream out = target.getOutputStream();
    IOException failure =
        field.read(
            digits -> {
              if (digits.length() != length) {
                return new IOException(
                    "secret field '" + field.name() + "' changed while it was being sent");
              }
              try {
                for (int i = 0; i < length; i++) {
                  out.write(digits.digitAt(i));
                }
                return null;
              } catch (IOException e) {
                return e;
              }
            });
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return field.toString();
  }
}
