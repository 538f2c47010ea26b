package io.tabula.journal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A tenant's search key: 32 random bytes under which the blind index is computed. The engine holds
 * it (it indexes each record as it is captured), and so does whoever searches; it cannot decrypt
 * anything: it is not the HPKE private key and no value is sealed under it. Its file holds the key
 * in base64 on one line, mode 0600.
 */
public final class SearchKey {

  public static final int LENGTH = 32;

  private final byte[] key;

  private SearchKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a search key is 32 bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  public static SearchKey generate() {
    byte[] bytes = new byte[LENGTH];
    new SecureRandom().nextBytes(bytes);
    try {
      return new SearchKey(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  public static SearchKey of(byte[] bytes) {
    return new SearchKey(bytes);
  }

  public static SearchKey read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return new SearchKey(Base64.getDecoder().decode(text));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the search key file " + file + "; check journal.searchKeyFile", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + " is not a search key (32 bytes in base64); write it with tabula journal keygen");
    }
  }

  public void write(Path file) {
    try {
      Files.writeString(
          file,
          Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the search key file " + file, e);
    }
  }

  byte[] bytes() {
    return key;
  }

  @Override
  public String toString() {
    return "SearchKey[hidden]";
  }
}
