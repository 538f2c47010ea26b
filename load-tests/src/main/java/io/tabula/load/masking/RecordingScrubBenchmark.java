package io.tabula.load.masking;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.RecordingScrubber;
import io.tabula.masking.audio.ScrubOptions;
import io.tabula.masking.audio.ScrubReport;
import io.tabula.masking.audio.WavWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scrubbing speed on one core: a 60-second recording (noise with eight key tones) from a file on
 * disk to a discarding stream. Goal: at least 500 times real time, i.e. under 120 ms per run.
 * {@link #main} prints the factor directly.
 *
 * <p>Run: {@code java -jar load-tests/target/benchmarks.jar RecordingScrub}, or {@code java -cp
 * load-tests/target/benchmarks.jar io.tabula.load.masking.RecordingScrubBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordingScrubBenchmark {

  static final int SECONDS = 60;

  @Param({"MULAW", "PCM_16"})
  public String encoding;

  private Path recording;

  @Setup(Level.Trial)
  public void writeRecording() throws IOException {
    recording = write(AudioEncoding.valueOf(encoding));
  }

  @TearDown(Level.Trial)
  public void deleteRecording() throws IOException {
    Files.deleteIfExists(recording);
  }

  @Benchmark
  public ScrubReport scrub() throws IOException {
    return scrub(recording);
  }

  static ScrubReport scrub(Path recording) throws IOException {
    return new RecordingScrubber(ScrubOptions.defaults())
        .scrub(recording, OutputStream.nullOutputStream(), bytes -> {});
  }

  static Path write(AudioEncoding encoding) throws IOException {
    int rate = 8000;
    short[] audio = new short[SECONDS * rate];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (short) ((random.nextDouble() - 0.5) * 600);
    }
    double[][] keys = {{697, 1209}, {770, 1336}, {852, 1477}, {941, 1633}};
    for (int t = 0; t < 8; t++) {
      int start = (5 + 7 * t) * rate;
      double[] key = keys[t % 4];
      for (int i = 0; i < rate / 10; i++) {
        double s = (double) i / rate;
        audio[start + i] +=
            (short)
                (5000 * (Math.sin(2 * Math.PI * key[0] * s) + Math.sin(2 * Math.PI * key[1] * s)));
      }
    }
    Path file = Files.createTempFile("tabula-scrub-bench", ".wav");
    try (OutputStream out = Files.newOutputStream(file)) {
      WavWriter.start(out, new AudioFormat(encoding, rate), audio.length)
          .write(audio, 0, audio.length);
    }
    return file;
  }

  /** Prints the speed as a multiple of real time, after a warm-up, for each encoding. */
  public static void main(String[] args) throws IOException {
    for (AudioEncoding encoding : AudioEncoding.values()) {
      Path file = write(encoding);
      try {
        for (int i = 0; i < 20; i++) {
          scrub(file);
        }
        ScrubReport best = null;
        for (int i = 0; i < 20; i++) {
          ScrubReport report = scrub(file);
          best = best == null || report.elapsedNanos() < best.elapsedNanos() ? report : best;
        }
        System.out.printf(
            "Scrub %s 8 kHz: %d s of audio, %d tones, best of 20: %.1f ms = %.0fx real time%n",
            encoding, SECONDS, best.tones(), best.elapsedNanos() / 1e6, best.timesRealTime());
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
