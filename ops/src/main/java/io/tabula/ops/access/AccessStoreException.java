package io.tabula.ops.access;

/** The access database could not be read or written; the guarded action does not go ahead. */
public final class AccessStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessStoreException(String message, Throwable cause) {
    super(message + "; check the access database connection and try again", cause);
  }
}
