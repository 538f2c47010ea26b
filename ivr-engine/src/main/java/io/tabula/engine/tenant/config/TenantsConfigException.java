package io.tabula.engine.tenant.config;

import io.tabula.flows.model.Diagnostic;
import java.util.List;

/**
 * The tenant files cannot be used. Carries every problem of every file, each as {@code
 * file:line:col: error: ...; fix: ...}; no message ever holds a password or an API key, only the
 * key names and file paths that point at them.
 *
 * <pre>{@code
 * try { TenantFiles.load(dir, FileChecks.full(System.getenv())); }
 * catch (TenantsConfigException e) { e.problems().forEach(p -> err.println(p.render())); }
 * }</pre>
 */
public final class TenantsConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Diagnostics are immutable records of strings; the list is copied. */
  @SuppressWarnings("serial") // List.copyOf of records holding strings; serialisable in practice
  private final List<Diagnostic> problems;

  public TenantsConfigException(List<Diagnostic> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Diagnostic> problems() {
    return problems;
  }

  private static String summary(List<Diagnostic> problems) {
    StringBuilder text =
        new StringBuilder()
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(" in the tenant files (see docs/tenants.md):");
    problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p.render()));
    return text.toString();
  }
}
