package io.tabula.masking.audit;

import java.util.Locale;

/**
 * What an audit covered and found, in the words an auditor pastes into an assessment.
 *
 * @param unreadable files that could not be read (reported, and they make the audit fail)
 */
public record AuditSummary(long files, long bytes, long findings, long unreadable) {

  /** True when every file was read and nothing was found. */
  public boolean clean() {
    return findings == 0 && unreadable == 0;
  }

  /** E.g. {@code "Scanned 12 files, 3,456,789 bytes: 0 findings."} */
  public String sentence() {
    String unread =
        unreadable == 0 ? "" : String.format(Locale.ROOT, ", %d unreadable", unreadable);
    return String.format(
        Locale.ROOT,
        "Scanned %,d file%s, %,d bytes: %,d finding%s%s.",
        files,
        files == 1 ? "" : "s",
        bytes,
        findings,
        findings == 1 ? "" : "s",
        unread);
  }
}
