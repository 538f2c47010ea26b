package io.tabula.masking.audit;

import io.tabula.masking.audio.AudioInput;
import io.tabula.masking.audio.UnsupportedAudioException;
import io.tabula.masking.detect.DetectorConfig;
import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.DtmfTone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scans recordings for DTMF key tones with the Q.24 detector, streaming. Each tone is reported with
 * its file and time; the key itself is not (in a recording of card entry it is the secret).
 *
 * <pre>{@code
 * AuditSummary summary = new RecordingAuditor(0).audit(files, listener);
 * }</pre>
 */
public final class RecordingAuditor {

  private static final int CHUNK = 8192;

  private final int rawRate;

  /** {@code rawRate}: sample rate of raw files, 0 to take it from the extension. */
  public RecordingAuditor(int rawRate) {
    this.rawRate = rawRate;
  }

  public AuditSummary audit(List<Path> files, AuditListener listener) {
    long bytes = 0;
    long findings = 0;
    long unreadable = 0;
    for (Path file : files) {
      try {
        findings += scan(file, listener);
        bytes += Files.size(file);
      } catch (UnsupportedAudioException e) {
        unreadable++;
        listener.unreadable(file, e.getMessage());
      } catch (IOException e) {
        unreadable++;
        listener.unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    return new AuditSummary(files.size(), bytes, findings, unreadable);
  }

  private long scan(Path file, AuditListener listener) throws IOException {
    long[] tones = {0};
    try (AudioInput in = AudioInput.open(file, rawRate)) {
      listener.progress(in.header().length);
      DtmfDetector detector =
          new DtmfDetector(
              DetectorConfig.q24(in.format().sampleRate()),
              tone -> {
                tones[0]++;
                listener.finding(finding(file, tone));
              });
      byte[] raw = new byte[CHUNK * in.format().bytesPerSample()];
      short[] pcm = new short[CHUNK];
      for (int n; (n = in.read(raw, pcm)) > 0; ) {
        detector.process(pcm, 0, n);
        listener.progress((long) n * in.format().bytesPerSample());
      }
      detector.finish();
    }
    return tones[0];
  }

  private static AuditFinding finding(Path file, DtmfTone tone) {
    String masked =
        String.format(java.util.Locale.ROOT, "key tone, %.0f ms", tone.durationMillis());
    return new AuditFinding(file, 0, tone.startSeconds(), "DTMF tone", masked);
  }
}
