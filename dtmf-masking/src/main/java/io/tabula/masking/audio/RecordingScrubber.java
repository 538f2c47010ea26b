package io.tabula.masking.audio;

import io.tabula.masking.detect.Dbm0;
import io.tabula.masking.detect.DetectorConfig;
import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.ResidueConfig;
import io.tabula.masking.detect.ResidueDetector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Removes key tones from a recording: every Q.24 key tone and every weaker, shorter, twisted or
 * off-frequency dual tone some decoder could still read ({@link ResidueDetector}), widened by a
 * guard on each side, becomes silence or comfort noise; every other byte of the file (header,
 * samples, trailing chunks) is copied unchanged. Streams in constant memory: output lags input by a
 * fixed one-second delay line, long enough for the detector to confirm a tone before its first
 * sample must be written.
 *
 * <pre>{@code
 * ScrubReport report = new RecordingScrubber(ScrubOptions.defaults())
 *     .scrub(Path.of("call.wav"), outputStream, bytes -> progress.advance(bytes));
 * }</pre>
 */
public final class RecordingScrubber {

  private static final int CHUNK = 4096;
  private static final double COMFORT_NOISE_DBM0 = -65;

  private final ScrubOptions options;

  public RecordingScrubber(ScrubOptions options) {
    this.options = options;
  }

  /** Scrubs {@code input} into {@code out}; {@code progress} receives input bytes as read. */
  public ScrubReport scrub(Path input, OutputStream out, LongConsumer progress) throws IOException {
    long started = System.nanoTime();
    try (AudioInput in = AudioInput.open(input, options.rawRate())) {
      AudioFormat format = in.format();
      out.write(in.header());
      progress.accept(in.header().length);
      long guard = (long) options.guardMillis() * format.sampleRate() / 1000;
      MuteSchedule schedule = new MuteSchedule(guard);
      DtmfDetector detector = new DtmfDetector(DetectorConfig.q24(format.sampleRate()), schedule);
      ResidueDetector residues =
          new ResidueDetector(ResidueConfig.sensitive(format.sampleRate()), schedule);
      schedule.attach(detector, residues);
      DelayLine delay = new DelayLine(format, format.sampleRate() + (int) guard, filler(format));
      Counts counts = pump(in, new Detectors(detector, residues), delay, schedule, out, progress);
      detector.finish();
      residues.finish();
      counts.muted += delay.drain(schedule, out);
      progress.accept(in.trailer().transferTo(out));
      return new ScrubReport(
          format,
          counts.samples,
          schedule.tones(),
          schedule.residues(),
          counts.muted,
          System.nanoTime() - started);
    }
  }

  /** The Q.24 detector names key tones; the residue detector finds whatever a decoder reads. */
  private record Detectors(DtmfDetector keys, ResidueDetector residues) {
    void process(short[] pcm, int length) {
      keys.process(pcm, 0, length);
      residues.process(pcm, 0, length);
    }
  }

  private static final class Counts {
    long samples;
    long muted;
  }

  private static Counts pump(
      AudioInput in,
      Detectors detectors,
      DelayLine delay,
      MuteSchedule schedule,
      OutputStream out,
      LongConsumer progress)
      throws IOException {
    int bytesPerSample = in.format().bytesPerSample();
    byte[] raw = new byte[CHUNK * bytesPerSample];
    short[] pcm = new short[CHUNK];
    Counts counts = new Counts();
    for (int n; (n = in.read(raw, pcm)) > 0; ) {
      detectors.process(pcm, n);
      counts.muted += delay.push(raw, n, schedule, out);
      counts.samples += n;
      progress.accept((long) n * bytesPerSample);
    }
    return counts;
  }

  private Filler filler(AudioFormat format) {
    if (options.fill() == ScrubOptions.Fill.SILENCE) {
      byte[] silence = new byte[format.bytesPerSample()];
      format.encoding().encode((short) 0, silence, 0);
      return (target, offset) -> System.arraycopy(silence, 0, target, offset, silence.length);
    }
    SplittableRandom random = new SplittableRandom(format.sampleRate());
    double rms = Dbm0.rms(COMFORT_NOISE_DBM0);
    return (target, offset) -> {
      double gaussianish =
          (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2;
      format.encoding().encode((short) Math.round(gaussianish * rms), target, offset);
    };
  }

  /** Writes one replacement sample at {@code offset}. */
  interface Filler {
    void fill(byte[] target, int offset);
  }
}
