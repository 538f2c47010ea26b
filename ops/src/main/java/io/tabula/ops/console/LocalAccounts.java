package io.tabula.ops.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Accounts held in the console's memory, with PBKDF2 password hashes: enough for a first admin on
 * the embedded defaults and for tests. Production logins come from the accounts library through
 * {@link Accounts}.
 */
public final class LocalAccounts implements Accounts {

  private static final int ITERATIONS = 120_000;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private record Entry(Role role, byte[] salt, byte[] hash) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  // Hashed against when the name is unknown, so an unknown name costs as long as a wrong password.
  private final Entry decoy;

  public LocalAccounts() {
    byte[] salt = salt();
    decoy = new Entry(Role.VIEWER, salt, hash(new char[] {'x'}, salt));
  }

  /** Adds (or replaces) an account; {@code password} is zeroed. */
  public void add(String name, Role role, char[] password) {
    byte[] salt = salt();
    entries.put(name, new Entry(role, salt, hash(password, salt)));
    java.util.Arrays.fill(password, '\0');
  }

  /** A random password of 20 letters and digits (about 115 bits), for a first admin. */
  public char[] newPassword() {
    char[] password = new char[20];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return password;
  }

  @Override
  public Optional<Account> login(String name, char[] password) {
    Entry entry = entries.get(name);
    Entry checked = entry == null ? decoy : entry;
    boolean match = MessageDigest.isEqual(checked.hash(), hash(password, checked.salt()));
    return entry != null && match ? Optional.of(new Account(name, entry.role())) : Optional.empty();
  }

  private byte[] salt() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return salt;
  }

  private static byte[] hash(char[] password, byte[] salt) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK lacks PBKDF2WithHmacSHA256; use a full JDK 25", e);
    } finally {
      spec.clearPassword();
    }
  }
}
