package io.tabula.journal.access;

/**
 * A journal access could not be recorded, so it did not happen (fail closed). The cause says which
 * store failed; the message what to do.
 */
public final class JournalTrailException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JournalTrailException(Throwable cause) {
    super(
        "the access could not be checked and recorded in the audit trail, so it was not done;"
            + " check that the access database is reachable and writable, then try again",
        cause);
  }
}
