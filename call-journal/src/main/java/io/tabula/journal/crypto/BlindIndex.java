package io.tabula.journal.crypto;

import io.tabula.masking.memory.SecretDigits;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exact-match search without decryption: HMAC-SHA256 under the tenant's {@link SearchKey} of the
 * tenant, the field name and the value. Equal values of the same field and tenant give equal
 * indexes; anything else (another value, a prefix, another field, another tenant) gives an
 * unrelated one, so the only search there is is "exactly this value".
 *
 * <pre>{@code
 * byte[] index = BlindIndex.of(searchKey, "city", "ticket", "12345678");
 * }</pre>
 */
public final class BlindIndex {

  private static final byte[] LABEL = "tabula-journal-index-v1".getBytes(StandardCharsets.US_ASCII);

  private BlindIndex() {}

  /** The index of a value typed by a rep (a search), which is no caller secret. */
  public static byte[] of(SearchKey key, String tenant, String field, String value) {
    Mac mac = start(key, tenant, field);
    mac.update(value.getBytes(StandardCharsets.US_ASCII));
    return mac.doFinal();
  }

  /** The index of digits the caller keyed, read in place from the call's memory. */
  public static byte[] of(SearchKey key, String tenant, String field, SecretDigits digits) {
    Mac mac = start(key, tenant, field);
    for (int i = 0; i < digits.length(); i++) {
      mac.update(digits.digitAt(i));
    }
    return mac.doFinal();
  }

  private static Mac start(SearchKey key, String tenant, String field) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
      mac.update(LABEL);
      lengthPrefixed(mac, tenant);
      lengthPrefixed(mac, field);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }

  /** Length-prefixed, so ("ab", "c") and ("a", "bc") never collide. */
  private static void lengthPrefixed(Mac mac, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    mac.update((byte) (bytes.length >>> 8));
    mac.update((byte) bytes.length);
    mac.update(bytes);
  }
}
