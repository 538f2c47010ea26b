package io.tabula.masking.detect;

/**
 * A stretch of audio holding a dual tone on the DTMF grid that some decoder could read as a key,
 * whether or not a Q.24 receiver would accept it. Which key it is stays unsaid: in a recording of
 * card entry it is the secret.
 *
 * @param startSample first sample of the first analysis block that held the tone
 * @param endSample sample after the last analysis block that held it
 * @param peakDbm0 the level of the stronger tone in its strongest block
 */
public record DtmfResidue(long startSample, long endSample, int sampleRate, double peakDbm0) {

  public double startSeconds() {
    return (double) startSample / sampleRate;
  }

  public double durationMillis() {
    return (endSample - startSample) * 1000.0 / sampleRate;
  }
}
