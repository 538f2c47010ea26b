package io.tabula.flows.store;

import io.tabula.flows.model.Diagnostic;
import java.util.List;

/** A flow was not published because it has problems; they say what to fix. */
public final class PublishRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> problems;

  public PublishRejectedException(List<Diagnostic> problems) {
    super(
        problems.size() + " problem(s) in the flow; fix them and publish again",
        null,
        false,
        false);
    this.problems = List.copyOf(problems);
  }

  public List<Diagnostic> problems() {
    return problems;
  }
}
