package io.tabula.connectors.tls;

import java.nio.file.Path;

/**
 * A PEM file that is missing, unreadable or holds something else than expected. The message names
 * the file and what it should hold; it never quotes the file's content (it may be a private key).
 */
public final class PemFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  PemFileException(Path file, String expected) {
    super(message(file, expected));
  }

  PemFileException(Path file, String expected, Throwable cause) {
    super(message(file, expected) + " (" + cause.getClass().getSimpleName() + ")", cause);
  }

  private static String message(Path file, String expected) {
    return file
        + " does not hold "
        + expected
        + "; point the option at the file 'tabula certs' wrote, or check the path";
  }
}
