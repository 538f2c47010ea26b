package io.tabula.ops.access.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (Bouncy Castle) in the PHC string format {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded Base64), the format other Argon2
 * libraries read. The password's UTF-8 bytes are zeroed as soon as the hash is made.
 */
public final class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final String PREFIX = "$argon2id$v=19$";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Argon2Settings settings;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(Argon2Settings settings) {
    this.settings = settings;
  }

  public Argon2Settings settings() {
    return settings;
  }

  /** A new hash of {@code password} with a fresh salt; the caller still zeroes its array. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, settings, HASH_BYTES);
    String encoded =
        PREFIX
            + "m=%d,t=%d,p=%d$"
                .formatted(settings.memoryKiB(), settings.iterations(), settings.parallelism())
            + B64.encodeToString(salt)
            + "$"
            + B64.encodeToString(hash);
    Arrays.fill(hash, (byte) 0);
    return encoded;
  }

  /** Whether {@code password} matches {@code stored}; compares in constant time. */
  public boolean matches(char[] password, String stored) {
    StoredHash parsed = StoredHash.parse(stored);
    byte[] candidate = derive(password, parsed.salt(), parsed.settings(), parsed.hash().length);
    try {
      return MessageDigest.isEqual(candidate, parsed.hash());
    } finally {
      Arrays.fill(candidate, (byte) 0);
    }
  }

  /** Whether {@code stored} was made with weaker parameters than this hasher's. */
  public boolean needsRehash(String stored) {
    return StoredHash.parse(stored).settings().weakerThan(settings);
  }

  private static byte[] derive(char[] password, byte[] salt, Argon2Settings s, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(s.memoryKiB())
            .withIterations(s.iterations())
            .withParallelism(s.parallelism())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] utf8 = utf8(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(utf8, out);
      return out;
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** UTF-8 bytes of {@code password} without a String; the encoder's buffer is zeroed too. */
  static byte[] utf8(char[] password) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }

  /** The parts of a stored PHC string. */
  record StoredHash(Argon2Settings settings, byte[] salt, byte[] hash) {

    static StoredHash parse(String stored) {
      String[] parts = stored == null ? new String[0] : stored.split("\\$");
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
        throw new IllegalArgumentException(
            "stored password hash is not an Argon2id v19 PHC string; reset the password");
      }
      int m = 0;
      int t = 0;
      int p = 0;
      for (String pair : parts[3].split(",")) {
        String[] kv = pair.split("=", 2);
        int value = Integer.parseInt(kv[1]);
        switch (kv[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default ->
              throw new IllegalArgumentException(
                  "unknown Argon2 parameter in a stored hash; reset the password");
        }
      }
      return new StoredHash(
          new Argon2Settings(m, t, p), B64D.decode(parts[4]), B64D.decode(parts[5]));
    }
  }
}
