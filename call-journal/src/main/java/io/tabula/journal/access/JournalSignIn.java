package io.tabula.journal.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who signs in to use the journal from the command line: the login, the password (zeroed by {@link
 * #close}) and the authenticator's current code, as the console asks them.
 */
public record JournalSignIn(String login, char[] password, Optional<String> code)
    implements AutoCloseable {

  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "JournalSignIn[" + login + "]";
  }
}
