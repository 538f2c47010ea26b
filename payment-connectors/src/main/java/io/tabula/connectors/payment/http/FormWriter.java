package io.tabula.connectors.payment.http;

import io.netty.buffer.ByteBuf;
import io.tabula.masking.memory.SecretField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@code application/x-www-form-urlencoded} body into a buffer. Card digits go from the
 * call's memory straight into the buffer (digits need no encoding); other values are encoded.
 *
 * <pre>{@code
 * new FormWriter(body).field("amount", "4250").secret("card[number]", card.pan());
 * }</pre>
 */
public final class FormWriter {

  private final ByteBuf out;
  private boolean first = true;

  public FormWriter(ByteBuf out) {
    this.out = out;
  }

  /** A non-secret field. */
  public FormWriter field(String name, String value) {
    name(name);
    out.writeCharSequence(encode(value), StandardCharsets.US_ASCII);
    return this;
  }

  /** A field whose value is the digits of {@code field}, copied in place. */
  public FormWriter secret(String name, SecretField field) {
    name(name);
    field.read(
        digits -> {
          digits.writeTo(out);
          return null;
        });
    return this;
  }

  /** A field whose value is the digits {@code from} (inclusive) to {@code to} of a field. */
  public FormWriter secretPart(String name, String prefix, SecretField field, int from, int to) {
    name(name);
    out.writeCharSequence(prefix, StandardCharsets.US_ASCII);
    field.read(
        digits -> {
          for (int i = from; i < to; i++) {
            out.writeByte(digits.digitAt(i));
          }
          return null;
        });
    return this;
  }

  private void name(String name) {
    if (!first) {
      out.writeByte('&');
    }
    first = false;
    out.writeCharSequence(encode(name), StandardCharsets.US_ASCII);
    out.writeByte('=');
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
