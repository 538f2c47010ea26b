package io.tabula.flows.parse;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.SourcePos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem found in one file, so all of them are reported at once. */
public final class Problems {

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public SourcePos pos(Node node) {
    return new SourcePos(
        file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  public void add(SourcePos pos, String message, String fix) {
    diagnostics.add(new Diagnostic(pos, message, fix));
  }

  public void add(Node node, String message, String fix) {
    add(pos(node), message, fix);
  }

  public void addAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  public boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  /** Sorted by position, so output reads top to bottom like a compiler's. */
  public List<Diagnostic> sorted() {
    return diagnostics.stream()
        .sorted(
            Comparator.comparingInt((Diagnostic d) -> d.pos().line())
                .thenComparingInt(d -> d.pos().column())
                .thenComparing(Diagnostic::message))
        .distinct()
        .toList();
  }
}
