package io.tabula.masking.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of the recording reader (docs/fuzzing.md): {@link WavHeader}, {@link
 * AudioInput} and the G.711 decoders, on any file. Opening ends with a format or an {@link
 * UnsupportedAudioException} that says what to do, in bounded time and within the reader's 1 MiB
 * header limit; reading hands out only whole samples, never more than the file holds, each decoded
 * exactly as G.711 says (decoding what the encoder makes of a decoded sample gives it back).
 */
class WavReaderFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));

  /** The 1 MiB header limit, the 64 KiB read buffer, and slack for the reader's own objects. */
  private static final long HEAP_BUDGET = (1 << 20) + (1 << 16) + (1 << 20);

  private static final Path FILE = tempFile();
  private static final byte[] ROUND_TRIP = new byte[1];

  @FuzzTest
  void readsAnyRecording(FuzzedDataProvider data) throws Exception {
    int chunk = data.consumeInt(1, 4096);
    byte[] file = data.consumeRemainingAsBytes();
    Files.write(FILE, file);
    BOUND.run(() -> readAll(file.length, chunk)); // the first run loads and warms classes
    long allocated = BOUND.run(() -> readAll(file.length, chunk));
    assertThat(allocated).isLessThanOrEqualTo(HEAP_BUDGET + 8L * file.length);
  }

  private static void readAll(int fileLength, int chunk) throws IOException {
    AudioInput in;
    try {
      in = AudioInput.open(FILE, 0);
    } catch (UnsupportedAudioException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    try (in) {
      int bytesPerSample = in.format().bytesPerSample();
      byte[] raw = new byte[chunk * bytesPerSample];
      short[] pcm = new short[chunk];
      long samples = 0;
      for (int n; (n = in.read(raw, pcm)) > 0; ) {
        samples += n;
        for (int i = 0; i < n; i++) {
          assertDecodedAsG711(in.format().encoding(), raw, i * bytesPerSample, pcm[i]);
        }
      }
      assertThat(in.header().length + samples * bytesPerSample).isLessThanOrEqualTo(fileLength);
    }
  }

  private static void assertDecodedAsG711(
      AudioEncoding encoding, byte[] raw, int offset, short sample) {
    // Plain checks, no assertion objects: this runs per sample inside the measured allocation.
    if (encoding.decode(raw, offset) != sample) {
      throw new AssertionError("a sample was not decoded from its own bytes");
    }
    if (encoding == AudioEncoding.PCM_16) {
      return;
    }
    ROUND_TRIP[0] = 0;
    encoding.encode(sample, ROUND_TRIP, 0);
    if (encoding.decode(ROUND_TRIP, 0) != sample) {
      throw new AssertionError("G.711 round trip changed a decoded sample");
    }
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("fuzz-recording", ".wav");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
