package io.tabula.masking.detect;

/** Receives what a {@link DtmfDetector} finds, in stream order. */
public interface ToneListener {

  /**
   * A key tone has been confirmed (it passed every check for the minimum duration) and is still
   * sounding; it started at {@code startSample}. A scrubber starts muting from here.
   */
  default void toneConfirmed(DtmfKey key, long startSample) {}

  /** A confirmed tone has ended. */
  void toneEnded(DtmfTone tone);
}
