package io.tabula.journal.crypto;

/** A private key file that cannot be read or opened; the message says what to do. */
public final class JournalKeyFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public JournalKeyFileException(String message) {
    super(message);
  }
}
