package io.tabula.journal.crypto;

/**
 * A sealed value did not open: the wrong private key, a value moved to another record or field, or
 * damaged bytes. The message says which key was needed, never anything of the value.
 */
public final class JournalDecryptionException extends Exception {

  private static final long serialVersionUID = 1L;

  public JournalDecryptionException(String message) {
    super(message);
  }
}
