package io.tabula.ops.asterisk.manager;

/**
 * Translates the POSIX extended regular expressions of legacy manager event filters into Java's
 * syntax. They agree on everything filters use in practice; the one common difference, character
 * classes such as {@code [[:digit:]]}, is translated here. Anything Java cannot compile is reported
 * by the caller as a filter the lint cannot evaluate.
 */
final class PosixRegex {

  private PosixRegex() {}

  static String toJava(String posix) {
    return posix
        .replace("[:alpha:]", "\\p{Alpha}")
        .replace("[:digit:]", "\\p{Digit}")
        .replace("[:alnum:]", "\\p{Alnum}")
        .replace("[:upper:]", "\\p{Upper}")
        .replace("[:lower:]", "\\p{Lower}")
        .replace("[:space:]", "\\s")
        .replace("[:blank:]", "\\p{Blank}")
        .replace("[:punct:]", "\\p{Punct}")
        .replace("[:xdigit:]", "\\p{XDigit}");
  }
}
