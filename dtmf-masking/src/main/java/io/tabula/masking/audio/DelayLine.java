package io.tabula.masking.audio;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A fixed ring of stored sample bytes between the detector and the output. A sample leaves the ring
 * once {@code capacity} newer samples have arrived, and is written unchanged or replaced, whichever
 * the {@link MuteSchedule} says at that moment.
 */
final class DelayLine {

  private final int bytesPerSample;
  private final int capacity;
  private final byte[] ring;
  private final byte[] outBuffer;
  private final RecordingScrubber.Filler filler;
  private long written;
  private long received;

  DelayLine(AudioFormat format, int capacitySamples, RecordingScrubber.Filler filler) {
    this.bytesPerSample = format.bytesPerSample();
    this.capacity = capacitySamples;
    this.ring = new byte[capacitySamples * bytesPerSample];
    this.outBuffer = new byte[8192 * bytesPerSample];
    this.filler = filler;
  }

  /** Adds {@code samples} samples and writes those that fell out; returns how many were muted. */
  long push(byte[] raw, int samples, MuteSchedule schedule, OutputStream out) throws IOException {
    long muted = 0;
    for (int i = 0; i < samples; i++) {
      if (received - written == capacity) {
        muted += release(1, schedule, out);
      }
      int slot = (int) (received % capacity) * bytesPerSample;
      System.arraycopy(raw, i * bytesPerSample, ring, slot, bytesPerSample);
      received++;
    }
    return muted + flushBuffer(out);
  }

  /** Writes everything still held; returns how many were muted. */
  long drain(MuteSchedule schedule, OutputStream out) throws IOException {
    long muted = release((int) (received - written), schedule, out);
    return muted + flushBuffer(out);
  }

  private int pending;

  private long release(int count, MuteSchedule schedule, OutputStream out) throws IOException {
    long muted = 0;
    for (int i = 0; i < count; i++) {
      if (pending == outBuffer.length) {
        flushBuffer(out);
      }
      int slot = (int) (written % capacity) * bytesPerSample;
      if (schedule.isMuted(written)) {
        filler.fill(outBuffer, pending);
        muted++;
      } else {
        System.arraycopy(ring, slot, outBuffer, pending, bytesPerSample);
      }
      pending += bytesPerSample;
      written++;
    }
    return muted;
  }

  private long flushBuffer(OutputStream out) throws IOException {
    out.write(outBuffer, 0, pending);
    pending = 0;
    return 0;
  }
}
