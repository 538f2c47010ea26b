package io.tabula.engine.residue;

/**
 * How many keyed 7-digit codes may turn up by chance, measured with never-keyed control codes from
 * the same distribution in the same places: if {@code controlFound} of {@code controlSize} control
 * codes occur, each code has that chance, so {@code keyedSize} keyed codes are expected to show
 * {@link #expected()} chance finds (Poisson). {@link #allowed()} is the most that chance explains
 * with a false-alarm probability below {@link #FALSE_ALARM}; a leak of many calls' codes goes far
 * beyond it.
 *
 * <pre>{@code
 * ChanceHits chance = new ChanceHits(37, 400_000, 100);
 * assertThat(keyedFound).isLessThanOrEqualTo(chance.allowed());
 * }</pre>
 */
record ChanceHits(int controlFound, int controlSize, int keyedSize) {

  /** The probability that chance alone exceeds {@link #allowed()}. */
  static final double FALSE_ALARM = 0.001;

  /** Keyed codes expected to occur by chance. */
  double expected() {
    return (double) controlFound / controlSize * keyedSize;
  }

  /** The smallest k with P(X > k) < {@link #FALSE_ALARM} for X ~ Poisson({@link #expected()}). */
  int allowed() {
    double lambda = expected();
    double term = Math.exp(-lambda);
    double atMost = term;
    int k = 0;
    while (1 - atMost >= FALSE_ALARM) {
      k++;
      term *= lambda / k;
      atMost += term;
    }
    return k;
  }

  /** The probability that chance alone finds at least one keyed code. */
  double anyByChance() {
    return 1 - Math.exp(-expected());
  }
}
