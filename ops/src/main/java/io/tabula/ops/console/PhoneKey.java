package io.tabula.ops.console;

import java.util.Optional;

/**
 * A button of the in-page softphone. A key arrives as the last part of a request path and becomes
 * one of these constants at once: the server never assembles the keys of an entry into a string;
 * they go one at a time into the call's memory.
 */
enum PhoneKey {
  D0('0'),
  D1('1'),
  D2('2'),
  D3('3'),
  D4('4'),
  D5('5'),
  D6('6'),
  D7('7'),
  D8('8'),
  D9('9'),
  STAR('*'),
  POUND('#'),
  /** The caller says nothing: the question times out. */
  SILENCE('\0'),
  /** The caller hangs up. */
  HANGUP('\0');

  private final char key;

  PhoneKey(char key) {
    this.key = key;
  }

  /** The DTMF key, or {@code '\0'} for silence and hang-up. */
  char key() {
    return key;
  }

  boolean isDigit() {
    return key >= '0' && key <= '9';
  }

  /** The button named in a path: {@code 0}-{@code 9}, {@code star}, {@code pound}, ... */
  static Optional<PhoneKey> named(String name) {
    if (name.length() == 1 && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
      return Optional.of(values()[name.charAt(0) - '0']);
    }
    return switch (name) {
      case "star" -> Optional.of(STAR);
      case "pound" -> Optional.of(POUND);
      case "silence" -> Optional.of(SILENCE);
      case "hangup" -> Optional.of(HANGUP);
      default -> Optional.empty();
    };
  }
}
