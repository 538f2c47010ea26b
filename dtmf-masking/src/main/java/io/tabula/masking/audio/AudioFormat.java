package io.tabula.masking.audio;

/**
 * The shape of a mono recording: sample encoding and rate.
 *
 * <pre>{@code
 * AudioFormat format = new AudioFormat(AudioEncoding.MULAW, 8000);
 * }</pre>
 */
public record AudioFormat(AudioEncoding encoding, int sampleRate) {

  public AudioFormat {
    if (sampleRate != 8000 && sampleRate != 16000) {
      throw new UnsupportedAudioException(
          "audio at "
              + sampleRate
              + " samples per second is not supported: use 8000 or 16000 (telephony rates)");
    }
  }

  public int bytesPerSample() {
    return encoding.bytesPerSample();
  }

  public long bytesPerSecond() {
    return (long) sampleRate * bytesPerSample();
  }
}
