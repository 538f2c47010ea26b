package io.tabula.masking.detect;

/**
 * Finds every stretch of audio a DTMF decoder could read as a key, far beyond what a Q.24 receiver
 * accepts: tones as short as 10 ms, as weak as -45 dBm0, twisted or off frequency (see {@link
 * ResidueConfig#sensitive}). The scrubber removes what this finds; the auditor reports what it
 * finds beyond the Q.24 keys as residue. Streaming, constant memory, one stream and one thread.
 *
 * <p>How: eight Goertzel filters over 10 ms blocks that hop by 5 ms make a cheap gate ({@link
 * ResidueClassifier}); around each block that passes it, 8 ms windows 0.5 ms apart are fitted with
 * two sinusoids near DTMF frequencies ({@link DualToneFit}), and so are 16 ms windows 1 ms apart
 * with a lower bar (they find tones of 20 ms and more under noise). A window fits when the two
 * explain nearly all its energy at a level and twist within limits; {@code minWindows} fitting
 * windows with no gap longer than a block make a residue, which spans from the first fitting
 * window's start to the last one's end.
 *
 * <pre>{@code
 * ResidueDetector detector = new ResidueDetector(ResidueConfig.sensitive(8000), residue ->
 *     System.out.printf("decodable at %.3f s%n", residue.startSeconds()));
 * detector.process(samples, 0, samples.length);
 * detector.finish();
 * }</pre>
 */
public final class ResidueDetector {

  /** Filters within this many dB of their group's strongest are searched by the fit. */
  private static final double SEARCH_RANGE_DB = 10;

  /**
   * A tone under noise that a decoder still reads (about 5 dB above it) keeps short windows above
   * 0.9; speech rarely reaches 0.75.
   */
  private static final double LONG_FIT_PRESCREEN = 0.75;

  private final ResidueConfig config;
  private final ResidueListener listener;
  private final GoertzelBank bank;
  private final ResidueClassifier gate;
  private final DualToneFit fit;
  private final DualToneFit longFit;
  private final short[] ring;
  private final double minAmplitude;
  private final double maxTwist;
  private final double searchRange = Math.pow(10, SEARCH_RANGE_DB / 10);

  private long position;
  private boolean previousBlockGated;
  private int windows;
  private long spanStart;
  private long spanEnd;
  private double peakAmplitude;

  public ResidueDetector(ResidueConfig config, ResidueListener listener) {
    this.config = config;
    this.listener = listener;
    this.bank = new GoertzelBank(config.sampleRate(), config.halfBlock());
    this.gate = new ResidueClassifier(config, bank.blockLength());
    this.fit =
        new DualToneFit(config.sampleRate(), config.fitWindow(), config.frequencyTolerance());
    this.longFit =
        new DualToneFit(config.sampleRate(), config.longFitWindow(), config.frequencyTolerance());
    this.ring = new short[2 * bank.blockLength() + config.longFitWindow()];
    this.minAmplitude = Dbm0.peak(config.minLevelDbm0() - config.maxTwistDb());
    this.maxTwist = Math.pow(10, config.maxTwistDb() / 20);
  }

  /** Analyses {@code length} samples from {@code offset}. */
  public void process(short[] samples, int offset, int length) {
    int end = offset + length;
    int at = offset;
    while (at < end) {
      int next = bank.feed(samples, at, end);
      for (int i = at; i < next; i++) {
        ring[(int) ((position + i - at) % ring.length)] = samples[i];
      }
      position += next - at;
      at = next;
      if (bank.blockReady()) {
        onBlock();
      }
    }
  }

  /** Ends the stream: a residue still sounding at the end is reported. */
  public void finish() {
    endSpan();
  }

  /** Where a confirmed residue still sounding began, or -1. */
  public long confirmedStart() {
    return windows >= config.minWindows() ? spanStart : -1;
  }

  private void onBlock() {
    boolean gated = gate.mayHoldDualTone(bank);
    if (gated || previousBlockGated) {
      fitWindowsEndingInLastHop(rowsToSearch(0), rowsToSearch(4));
    }
    previousBlockGated = gated;
    if (windows > 0 && position - spanEnd > bank.blockLength()) {
      endSpan();
    }
  }

  /**
   * Fits the short and the long windows whose ends fall in the hop just completed: short ones for
   * tones from 10 ms in quiet, long ones for tones from 20 ms under noise.
   */
  private void fitWindowsEndingInLastHop(int rows, int columns) {
    double best =
        fitWindows(fit, config.fitWindow(), config.fitStep(), config.fitPurity(), rows, columns);
    // Long windows cost twice as much; they are only worth fitting where a short one came close.
    if (best >= LONG_FIT_PRESCREEN) {
      fitWindows(
          longFit,
          config.longFitWindow(),
          config.longFitStep(),
          config.noisyFitPurity(),
          rows,
          columns);
    }
  }

  /** Fits windows of one length; returns the best share any of them reached. */
  private double fitWindows(
      DualToneFit windowFit, int window, int step, double purity, int rows, int columns) {
    double best = 0;
    for (long end = position - config.halfBlock() + step; end <= position; end += step) {
      if (end - window < 0) {
        continue;
      }
      double share = windowFit.explainedShare(ring, end, rows, columns);
      best = Math.max(best, share);
      if (share >= purity && levelAndTwistFit(windowFit)) {
        addWindow(end - window, end, windowFit);
      }
    }
    return best;
  }

  private boolean levelAndTwistFit(DualToneFit windowFit) {
    double weaker = Math.min(windowFit.rowAmplitude, windowFit.columnAmplitude);
    double stronger = Math.max(windowFit.rowAmplitude, windowFit.columnAmplitude);
    return weaker >= minAmplitude
        && stronger >= Dbm0.peak(config.minLevelDbm0())
        && stronger <= weaker * maxTwist;
  }

  private void addWindow(long start, long end, DualToneFit windowFit) {
    if (windows > 0 && start - spanEnd > bank.blockLength()) {
      endSpan();
    }
    if (windows == 0) {
      spanStart = start;
      spanEnd = end;
      peakAmplitude = 0;
    }
    windows++;
    spanStart = Math.min(spanStart, start);
    spanEnd = Math.max(spanEnd, end);
    double amplitude = Math.max(windowFit.rowAmplitude, windowFit.columnAmplitude);
    peakAmplitude = Math.max(peakAmplitude, amplitude);
  }

  /** Bit f set for each frequency of the group from {@code first} worth searching. */
  private int rowsToSearch(int first) {
    double strongest = bank.power(BlockClassifier.strongest(bank, first));
    int mask = 0;
    for (int f = 0; f < 4; f++) {
      if (bank.power(first + f) * searchRange >= strongest) {
        mask |= 1 << f;
      }
    }
    return mask;
  }

  private void endSpan() {
    if (windows >= config.minWindows()) {
      double dbm0 = 20 * Math.log10(peakAmplitude / Dbm0.ZERO_DBM0_PEAK);
      listener.residue(new DtmfResidue(spanStart, spanEnd, config.sampleRate(), dbm0));
    }
    windows = 0;
  }
}
