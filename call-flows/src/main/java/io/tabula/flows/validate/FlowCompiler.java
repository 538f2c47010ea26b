package io.tabula.flows.validate;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parse and validate in one go: a flow is usable only when the list of problems is empty.
 *
 * <pre>{@code
 * Compiled compiled = new FlowCompiler(catalog).compile(Path.of("flows/city/parking-ticket.yaml"));
 * if (compiled.ok()) runner.run(compiled.flow().orElseThrow(), call);
 * }</pre>
 */
public final class FlowCompiler {

  private final FlowValidator validator;

  public FlowCompiler(ConnectorCatalog catalog) {
    this.validator = new FlowValidator(catalog);
  }

  /** A compiled flow, present only when there are no errors; warnings may come with it. */
  public record Compiled(Optional<Flow> flow, List<Diagnostic> problems) {
    public boolean ok() {
      return problems.stream().noneMatch(Diagnostic::isError) && flow.isPresent();
    }

    /** The warnings only: printed, but they do not stop the flow. */
    public List<Diagnostic> warnings() {
      return problems.stream().filter(p -> !p.isError()).toList();
    }
  }

  public Compiled compile(String file, String text) {
    FlowParser.ParseResult parsed = FlowParser.parse(file, text);
    if (parsed.checkable().isEmpty()) {
      return new Compiled(Optional.empty(), parsed.problems());
    }
    // Shape problems that left every piece in place do not hide the reference problems.
    List<Diagnostic> problems = new ArrayList<>(parsed.problems());
    problems.addAll(validator.validate(parsed.checkable().get()));
    problems.sort(
        Comparator.comparingInt((Diagnostic d) -> d.pos().line())
            .thenComparingInt(d -> d.pos().column()));
    List<Diagnostic> distinct = problems.stream().distinct().toList();
    // parsed.flow() is empty whenever the parser found a problem; warnings let a flow through.
    boolean errors = distinct.stream().anyMatch(Diagnostic::isError);
    return new Compiled(errors ? Optional.empty() : parsed.flow(), distinct);
  }

  public Compiled compile(Path file) throws IOException {
    return compile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }
}
