package io.tabula.masking.audit;

import java.nio.file.Path;

/** Receives an audit's progress and findings as they happen, so a command can stream its report. */
public interface AuditListener {

  void finding(AuditFinding finding);

  /** {@code bytes} more of the input have been read. */
  default void progress(long bytes) {}

  /** A file could not be read; {@code reason} says why and what to do. */
  default void unreadable(Path file, String reason) {}
}
