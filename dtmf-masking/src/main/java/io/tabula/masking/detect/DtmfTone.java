package io.tabula.masking.detect;

/**
 * One key tone found in audio: which key, and where, in samples from the start of the stream
 * ({@code endSample} exclusive). The key is the caller's secret when the recording is of card
 * entry: reports show the time, not the key.
 */
public record DtmfTone(DtmfKey key, long startSample, long endSample, int sampleRate) {

  public double startSeconds() {
    return (double) startSample / sampleRate;
  }

  public double durationMillis() {
    return (endSample - startSample) * 1000.0 / sampleRate;
  }
}
