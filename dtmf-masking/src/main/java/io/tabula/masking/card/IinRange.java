package io.tabula.masking.card;

/**
 * A range of issuer identification numbers of one length, e.g. 2221..2720 for Mastercard's
 * 2-series. Longer prefixes are more specific and win over shorter ones.
 */
record IinRange(int digits, int low, int high) {

  static IinRange of(int low, int high) {
    return new IinRange(Integer.toString(low).length(), low, high);
  }

  static IinRange of(int prefix) {
    return of(prefix, prefix);
  }

  boolean contains(int prefixOfSameLength) {
    return prefixOfSameLength >= low && prefixOfSameLength <= high;
  }
}
