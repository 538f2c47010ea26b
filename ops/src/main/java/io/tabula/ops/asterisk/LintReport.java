package io.tabula.ops.asterisk;

import io.tabula.ops.asterisk.lint.AsteriskLinter.LintResult;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.Severity;
import io.tabula.ops.audit.Json;
import io.tabula.ops.audit.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints a lint run as the audit commands print theirs: one line per finding (text or JSON lines)
 * on standard output, what could not be read on standard error, then a summary; decides the exit
 * code (findings first, then unreadable files).
 */
final class LintReport {

  static final int CLEAN = 0;
  static final int FOUND = 1;
  static final int INCOMPLETE = 2;

  private final PrintWriter out;
  private final PrintWriter err;
  private final ReportFormat format;

  LintReport(PrintWriter out, PrintWriter err, ReportFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
  }

  int print(LintResult result, Path dir, FlowFacts flows) {
    for (Finding finding : result.findings()) {
      out.println(format == ReportFormat.JSON ? json(finding) : finding.render());
    }
    result.unreadable().forEach(err::println);
    err.flush();
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    if (format == ReportFormat.JSON) {
      out.printf(
          Locale.ROOT,
          "{\"summary\":{\"files\":%d,\"flows\":%d,\"findings\":%d,\"errors\":%d,"
              + "\"warnings\":%d,\"unreadable\":%d}}%n",
          result.files(),
          flows.flows().size(),
          result.findings().size(),
          errors,
          warnings,
          result.unreadable().size());
    } else {
      out.println(sentence(result, dir, flows, errors, warnings));
    }
    out.flush();
    if (!result.findings().isEmpty()) {
      return FOUND;
    }
    return result.unreadable().isEmpty() ? CLEAN : INCOMPLETE;
  }

  private static String sentence(
      LintResult result, Path dir, FlowFacts flows, long errors, long warnings) {
    int count = result.findings().size();
    String sentence =
        String.format(
            Locale.ROOT,
            "Checked %d %s in %s against %d %s (%s): %d %s",
            result.files(),
            result.files() == 1 ? "file" : "files",
            dir,
            flows.flows().size(),
            flows.flows().size() == 1 ? "flow" : "flows",
            flows.source(),
            count,
            count == 1 ? "finding" : "findings");
    if (count > 0) {
      sentence +=
          " ("
              + plural(errors, "error", "errors")
              + ", "
              + plural(warnings, "warning", "warnings")
              + ")";
    }
    if (!result.unreadable().isEmpty()) {
      sentence += String.format(Locale.ROOT, "; %d unreadable", result.unreadable().size());
    }
    return sentence + ".";
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String json(Finding finding) {
    StringBuilder json = new StringBuilder(256).append("{\"file\":");
    Json.quote(finding.where().file().toString(), json);
    json.append(",\"line\":").append(finding.where().line());
    json.append(",\"column\":").append(finding.where().column());
    json.append(",\"severity\":");
    Json.quote(finding.severity().label(), json);
    json.append(",\"rule\":");
    Json.quote(finding.rule(), json);
    json.append(",\"what\":");
    Json.quote(finding.what(), json);
    json.append(",\"fix\":");
    Json.quote(finding.fix(), json);
    return json.append('}').toString();
  }
}
