package io.tabula.masking.audit;

import java.io.IOException;

/**
 * A log the audit cannot read as text (an archive or a compression it does not know): it is
 * reported as unreadable, never as clean. The message says what the file is and what to do; it
 * never holds the file's bytes.
 */
public final class UnreadableLogException extends IOException {

  private static final long serialVersionUID = 1L;

  public UnreadableLogException(String reason) {
    super(reason);
  }
}
