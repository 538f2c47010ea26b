package io.tabula.masking.audit;

import io.tabula.masking.audio.AudioInput;
import io.tabula.masking.audio.UnsupportedAudioException;
import io.tabula.masking.detect.DetectorConfig;
import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.DtmfResidue;
import io.tabula.masking.detect.DtmfTone;
import io.tabula.masking.detect.ResidueConfig;
import io.tabula.masking.detect.ResidueDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scans recordings for DTMF key tones with the Q.24 detector, and for residual DTMF energy a
 * decoder could use (tones too short, weak, twisted or off frequency for Q.24; {@link
 * ResidueDetector}), streaming. Each is reported with its file and time; the key itself is not (in
 * a recording of card entry it is the secret). A residue under a key tone is not reported twice.
 *
 * <pre>{@code
 * AuditSummary summary = new RecordingAuditor(0).audit(files, listener);
 * }</pre>
 */
public final class RecordingAuditor {

  private static final int CHUNK = 8192;

  /** The kind of a key tone a Q.24 receiver accepts. */
  public static final String KEY_TONE = "DTMF tone";

  /** The kind of residual DTMF energy a decoder could use, beyond what Q.24 accepts. */
  public static final String RESIDUE = "DTMF residue";

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
    try (AudioInput in = AudioInput.open(file, rawRate)) {
      listener.progress(in.header().length);
      int rate = in.format().sampleRate();
      ResidueFindings findings =
          new ResidueFindings(
              tone -> listener.finding(keyFinding(file, tone)),
              residue -> listener.finding(residueFinding(file, residue)));
      DtmfDetector keys = new DtmfDetector(DetectorConfig.q24(rate), findings);
      ResidueDetector residues = new ResidueDetector(ResidueConfig.sensitive(rate), findings);
      findings.attach(keys);
      byte[] raw = new byte[CHUNK * in.format().bytesPerSample()];
      short[] pcm = new short[CHUNK];
      for (int n; (n = in.read(raw, pcm)) > 0; ) {
        keys.process(pcm, 0, n);
        residues.process(pcm, 0, n);
        findings.flush(rate);
        listener.progress((long) n * in.format().bytesPerSample());
      }
      keys.finish();
      residues.finish();
      findings.finish();
      return findings.tones() + findings.residues();
    }
  }

  private static AuditFinding keyFinding(Path file, DtmfTone tone) {
    String masked = String.format(Locale.ROOT, "key tone, %.0f ms", tone.durationMillis());
    return new AuditFinding(file, 0, tone.startSeconds(), KEY_TONE, masked);
  }

  private static AuditFinding residueFinding(Path file, DtmfResidue residue) {
    String masked =
        String.format(
            Locale.ROOT,
            "dual tone a decoder could read, %.0f ms at %.1f dBm0 (below Q.24's limits; scrub it)",
            residue.durationMillis(),
            residue.peakDbm0());
    return new AuditFinding(file, 0, residue.startSeconds(), RESIDUE, masked);
  }
}
