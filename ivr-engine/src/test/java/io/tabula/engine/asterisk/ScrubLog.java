package io.tabula.engine.asterisk;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test's {@code tabula} wrapper (see {@link ShippedAsterisk#tabulaCommand}) recorded of
 * the scrubs MixMonitor ran: one {@code exit <code> recordings scrub --in-place <file>} line per
 * closed recording, after the command's own output.
 */
final class ScrubLog {

  private static final Pattern EXIT =
      Pattern.compile("(?m)^exit (\\d+) recordings scrub --in-place (\\S+)$");

  /** One scrub: the command's exit code and the recording it rewrote. */
  record Scrub(int exitCode, Path recording) {}

  private ScrubLog() {}

  static List<Scrub> scrubs(PbxDirectory dir) throws Exception {
    Path log = ShippedAsterisk.scrubLog(dir);
    if (!Files.exists(log)) {
      return List.of();
    }
    Matcher matcher = EXIT.matcher(Files.readString(log));
    return matcher
        .results()
        .map(r -> new Scrub(Integer.parseInt(r.group(1)), Path.of(r.group(2))))
        .toList();
  }

  /** Waits until MixMonitor has closed and scrubbed one more recording than {@code before}. */
  static Scrub awaitNext(PbxDirectory dir, int before) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> scrubs(dir), all -> all.size() > before)
        .get(before);
  }

  /** The scrub command's own output (e.g. "Scrubbed 9 key tones ...") in the log. */
  static String text(PbxDirectory dir) throws Exception {
    Path log = ShippedAsterisk.scrubLog(dir);
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
