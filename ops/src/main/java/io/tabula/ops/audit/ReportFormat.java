package io.tabula.ops.audit;

/** How audit findings are printed: lines for people, JSON lines for pipelines. */
public enum ReportFormat {
  TEXT,
  JSON
}
