package io.tabula.engine.ami;

/** The recording could not be muted; the message names the reason, never call data. */
public final class RecordingControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RecordingControlException(String message) {
    super(message);
  }

  public RecordingControlException(String message, Throwable cause) {
    super(message, cause);
  }
}
