package io.tabula.masking.audit;

import java.nio.file.Path;

/**
 * One thing an audit found: where, what kind, the finding masked (a card shows its brand and last
 * four digits at most; a key tone shows no key), and why it is one.
 *
 * @param line 1-based line of a log file, or 0 for a recording
 * @param seconds time into a recording, or -1 for a log file
 * @param kind a short description, e.g. "card number", "DTMF tone"
 * @param masked the finding as it may be shown, e.g. "[Visa ****1111]"
 * @param why the rule, field and brand that made it a finding (no digits), or empty
 */
public record AuditFinding(
    Path file, long line, double seconds, String kind, String masked, String why) {

  public AuditFinding(Path file, long line, double seconds, String kind, String masked) {
    this(file, line, seconds, kind, masked, "");
  }
}
