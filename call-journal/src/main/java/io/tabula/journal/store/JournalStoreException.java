package io.tabula.journal.store;

/**
 * The journal database refused or could not be reached. The message names the operation, the
 * exception type and the SQLSTATE, never a value.
 */
public final class JournalStoreException extends Exception {

  private static final long serialVersionUID = 1L;

  public JournalStoreException(String message) {
    super(message);
  }
}
