package io.tabula.ops.access.password;

import io.tabula.ops.access.password.PasswordRejectedException.Reason;
import java.util.List;

/**
 * What a new password must be (PCI DSS v4.0.1): at least 12 characters with letters and digits
 * (8.3.6), not among the most common passwords, and none of the last four (8.3.7).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  /** How many earlier passwords a new one may not repeat (8.3.7). */
  public static final int HISTORY = 4;

  private final CommonPasswords common;
  private final PasswordHasher hasher;

  public PasswordPolicy(CommonPasswords common, PasswordHasher hasher) {
    this.common = common;
    this.hasher = hasher;
  }

  /**
   * Checks {@code candidate} against the rules and against {@code recentHashes} (newest first; only
   * the first {@link #HISTORY} count).
   */
  public void check(char[] candidate, List<String> recentHashes) throws PasswordRejectedException {
    if (candidate.length < MIN_LENGTH) {
      throw new PasswordRejectedException(Reason.TOO_SHORT);
    }
    if (candidate.length > MAX_LENGTH) {
      throw new PasswordRejectedException(Reason.TOO_LONG);
    }
    boolean letter = false;
    boolean digit = false;
    for (char c : candidate) {
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    if (!letter || !digit) {
      throw new PasswordRejectedException(Reason.NEEDS_LETTERS_AND_DIGITS);
    }
    if (common.contains(candidate)) {
      throw new PasswordRejectedException(Reason.TOO_COMMON);
    }
    for (String earlier : recentHashes.subList(0, Math.min(HISTORY, recentHashes.size()))) {
      if (hasher.matches(candidate, earlier)) {
        throw new PasswordRejectedException(Reason.RECENTLY_USED);
      }
    }
  }
}
