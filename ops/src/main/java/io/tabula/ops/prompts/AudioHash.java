package io.tabula.ops.prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The manifest's {@code audioHash}: SHA-256 of a marker line and the audio's bytes. */
final class AudioHash {

  private AudioHash() {}

  /** {@code of("voice: studio", bytes)} for an imported recording. */
  static String of(String marker, byte[] audio) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((marker + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(audio);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
