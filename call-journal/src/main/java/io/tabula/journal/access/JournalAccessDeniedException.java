package io.tabula.journal.access;

import java.util.Locale;

/** The user's roles on the tenant do not allow this journal action, or the sign-in was refused. */
public final class JournalAccessDeniedException extends Exception {

  private static final long serialVersionUID = 1L;

  private JournalAccessDeniedException(String message) {
    super(message);
  }

  public static JournalAccessDeniedException notAllowed(
      String who, JournalAction action, String tenant) {
    return new JournalAccessDeniedException(
        who
            + " may not "
            + action.name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " in the journal of tenant "
            + tenant
            + ": ask an admin of that tenant for a role that grants it (rep: search and"
            + " re-identify; auditor: count; admin: keys, erase and purge)");
  }

  /** The authenticator secrets' key file ({@code access.totpKey}) cannot be read. */
  public static JournalAccessDeniedException noTotpKey(java.nio.file.Path file) {
    return new JournalAccessDeniedException(
        "the key file the authenticator secrets are sealed under cannot be read ("
            + file
            + "), so no second factor can be checked and nobody signs in; set access.totpKey to"
            + " the file the console's --totp-key names");
  }

  public static JournalAccessDeniedException signInRefused(String login) {
    return new JournalAccessDeniedException(
        "the sign-in of "
            + login
            + " was refused (wrong password or code, locked, or not allowed from here); check"
            + " them, or ask an admin to unlock or reset the account");
  }
}
