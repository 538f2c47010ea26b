package io.tabula.masking.audio;

/** The input is not audio this tool reads; the message says which formats it does read. */
public final class UnsupportedAudioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsupportedAudioException(String message) {
    super(message);
  }
}
