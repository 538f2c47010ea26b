package io.tabula.engine.cli;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The local sound device (javax.sound.sampled), playing 8 kHz 16-bit mono as Asterisk sends it to a
 * phone. Opened before the call starts, so a machine without one is told so at once.
 */
final class LineSpeaker implements CallSpeaker.Speaker {

  /** This machine cannot play sound; the message is the one line the user sees. */
  static final class NoSoundDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    NoSoundDeviceException(Throwable cause) {
      super(
          "--audio: this machine has no sound output device Java can open for 8 kHz 16-bit mono"
              + " ("
              + cause.getClass().getSimpleName()
              + "); run without --audio, or write the call to a WAV with tabula flows simulate"
              + " --audio out.wav",
          cause);
    }
  }

  private static final AudioFormat FORMAT = new AudioFormat(8000f, 16, 1, true, false);

  private final SourceDataLine line;

  private LineSpeaker(SourceDataLine line) {
    this.line = line;
  }

  static LineSpeaker open() throws NoSoundDeviceException {
    try {
      SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT);
      line.open(FORMAT);
      line.start();
      return new LineSpeaker(line);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new NoSoundDeviceException(e);
    }
  }

  @Override
  public void play(float[] samples) {
    byte[] pcm = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      int value = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
      pcm[2 * i] = (byte) value;
      pcm[2 * i + 1] = (byte) (value >> 8);
    }
    line.write(pcm, 0, pcm.length);
  }

  @Override
  public void close() {
    line.drain();
    line.close();
  }
}
