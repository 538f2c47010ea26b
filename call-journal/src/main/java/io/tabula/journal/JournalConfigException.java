package io.tabula.journal;

/** A journal configuration that cannot be used; the message names the key and the fix. */
public final class JournalConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JournalConfigException(String message) {
    super(message);
  }
}
