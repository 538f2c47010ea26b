package io.tabula.ops.access.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The most common passwords that our length and character rules would otherwise accept (27,283,
 * from OWASP SecLists' top million; {@code common-passwords.README.md} beside the list says how it
 * was made). Lookups are case-insensitive.
 *
 * <p>The list holds public strings, not secrets; the candidate is compared without becoming a
 * String: it is lower-cased into a scratch array that is zeroed afterwards.
 */
public final class CommonPasswords {

  private static final String RESOURCE = "common-passwords.txt";

  private final Set<CharArrayKey> entries;

  private CommonPasswords(Set<CharArrayKey> entries) {
    this.entries = entries;
  }

  /** The shipped list. */
  public static CommonPasswords shipped() {
    InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          RESOURCE + " is missing from the class path; rebuild the ops module");
    }
    Set<CharArrayKey> entries = new HashSet<>(40_000);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          entries.add(new CharArrayKey(line.toCharArray()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + "; rebuild the ops module", e);
    }
    return new CommonPasswords(entries);
  }

  public int size() {
    return entries.size();
  }

  /** Whether {@code password}, ignoring case, is on the list. */
  public boolean contains(char[] password) {
    char[] lower = new char[password.length];
    try {
      for (int i = 0; i < password.length; i++) {
        lower[i] = Character.toLowerCase(password[i]);
      }
      return entries.contains(new CharArrayKey(lower));
    } finally {
      Arrays.fill(lower, '\0');
    }
  }

  /** A char[] with value equality, so the set needs no String of the candidate. */
  private record CharArrayKey(char[] chars) {
    @Override
    public boolean equals(Object o) {
      return o instanceof CharArrayKey other && Arrays.equals(chars, other.chars);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(chars);
    }

    @Override
    public String toString() {
      return "CharArrayKey[" + chars.length + " chars]";
    }
  }
}
