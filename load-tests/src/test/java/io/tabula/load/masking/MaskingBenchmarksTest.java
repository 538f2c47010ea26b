package io.tabula.load.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.ScrubReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim: check their inputs do the work every time. */
class MaskingBenchmarksTest {

  @Test
  void theTypicalLineIs200CharactersWithNothingToMaskAndTheCardLineIsMasked() {
    LogMaskingBenchmark benchmark = new LogMaskingBenchmark();
    assertThat(LogMaskingBenchmark.TYPICAL_LINE).hasSize(200);
    assertThat(benchmark.typicalLine()).isSameAs(LogMaskingBenchmark.TYPICAL_LINE);
    assertThat(benchmark.lineWithCardData()).contains("[Visa ****1111]", "cvv=***");
  }

  @Test
  void theScrubRecordingHoldsEightTones() throws Exception {
    Path file = RecordingScrubBenchmark.write(AudioEncoding.MULAW);
    try {
      ScrubReport report = RecordingScrubBenchmark.scrub(file);
      assertThat(report.tones()).isEqualTo(8);
      assertThat(report.samples()).isEqualTo(RecordingScrubBenchmark.SECONDS * 8000L);
    } finally {
      Files.delete(file);
    }
  }
}
