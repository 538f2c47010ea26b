package io.tabula.masking.detect;

/**
 * A streaming DTMF receiver after ITU-T Q.24. Feed it 16-bit linear samples in any chunk sizes; it
 * tells its {@link ToneListener} about each key tone, with sample positions, as soon as the tone is
 * confirmed and again when it ends. Memory is constant; one instance serves one stream and one
 * thread.
 *
 * <p>How: eight Goertzel filters over 12.75 ms blocks that hop by half ({@link GoertzelBank}); each
 * block is a hit for a key when level, twist, group dominance and energy share agree ({@link
 * BlockClassifier}); {@code minBlocks} consecutive hits make a candidate, which is confirmed when
 * the phase advance between its blocks puts both frequencies within tolerance ({@link
 * FrequencyTracker}). One missed block inside a tone is bridged, so a noise burst does not split a
 * key in two.
 *
 * <pre>{@code
 * DtmfDetector detector = new DtmfDetector(DetectorConfig.q24(8000), tone ->
 *     System.out.printf("key tone at %.3f s%n", tone.startSeconds()));
 * detector.process(samples, 0, samples.length);
 * detector.finish();
 * }</pre>
 */
public final class DtmfDetector {

  private static final int MAX_BRIDGED_MISSES = 1;

  private final DetectorConfig config;
  private final ToneListener listener;
  private final GoertzelBank bank;
  private final BlockClassifier classifier;
  private final FrequencyTracker frequencies;

  private long position;
  private DtmfKey candidate;
  private long candidateStart;
  private long lastHitEnd;
  private int hits;
  private int misses;
  private boolean confirmed;

  public DtmfDetector(DetectorConfig config, ToneListener listener) {
    this.config = config;
    this.listener = listener;
    this.bank = new GoertzelBank(config.sampleRate(), config.halfBlock());
    this.classifier = new BlockClassifier(config, bank.blockLength());
    this.frequencies = new FrequencyTracker(bank, config.sampleRate());
  }

  public DetectorConfig config() {
    return config;
  }

  /** Samples consumed so far. */
  public long position() {
    return position;
  }

  /** Analyses {@code length} samples from {@code offset}. */
  public void process(short[] samples, int offset, int length) {
    int end = offset + length;
    int at = offset;
    while (at < end) {
      int next = bank.feed(samples, at, end);
      position += next - at;
      at = next;
      if (bank.blockReady()) {
        onBlock(classifier.classify(bank));
      }
    }
  }

  /** Ends the stream: a tone still sounding at the end is reported. */
  public void finish() {
    endCandidate();
  }

  /** Where a confirmed tone still sounding began, or -1. */
  public long confirmedToneStart() {
    return confirmed ? candidateStart : -1;
  }

  private void onBlock(DtmfKey key) {
    if (key != null && key == candidate) {
      extend(key);
    } else if (key == null && candidate != null && misses < MAX_BRIDGED_MISSES) {
      misses++;
      frequencies.gap();
    } else {
      endCandidate();
      if (key != null) {
        begin(key);
      }
    }
  }

  private void begin(DtmfKey key) {
    candidate = key;
    candidateStart = position - bank.blockLength();
    hits = 0;
    misses = 0;
    confirmed = false;
    frequencies.reset();
    extend(key);
  }

  private void extend(DtmfKey key) {
    hits++;
    misses = 0;
    lastHitEnd = position;
    frequencies.add(key);
    if (!confirmed
        && hits >= config.minBlocks()
        && frequencies.pairs() >= config.minBlocks() - 1
        && frequencies.worstRelativeError(key) <= config.frequencyTolerance()) {
      confirmed = true;
      listener.toneConfirmed(key, candidateStart);
    }
  }

  private void endCandidate() {
    if (candidate != null && confirmed) {
      listener.toneEnded(new DtmfTone(candidate, candidateStart, lastHitEnd, config.sampleRate()));
    }
    candidate = null;
    confirmed = false;
  }
}
