package io.tabula.ops.console;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validator of {@code tabula flows validate}, run on a draft's text: the compiler's problems,
 * plus the store's rule that a flow stored as {@code tenant/flow} says so in its header.
 */
public final class DraftCheck {

  /** What the check found; {@code flow} is present when the text compiled. */
  public record Result(Optional<Flow> flow, List<Diagnostic> problems) {
    public boolean ok() {
      return problems.stream().noneMatch(Diagnostic::isError);
    }

    public long errors() {
      return problems.stream().filter(Diagnostic::isError).count();
    }
  }

  private final FlowCompiler compiler;
  private final Optional<ConsoleSounds> sounds;
  private final java.nio.file.Path root;

  /**
   * A check without audio: what the softphone needs to run a draft (it shows each prompt without
   * audio itself). Never used to publish: {@link FlowLibrary} publishes through the check below.
   */
  public DraftCheck(ConnectorCatalog catalog) {
    this.compiler = new FlowCompiler(catalog);
    this.sounds = Optional.empty();
    this.root = java.nio.file.Path.of("");
  }

  /** A check that also requires audio for every prompt and language, in {@code sounds}. */
  public DraftCheck(ConnectorCatalog catalog, ConsoleSounds sounds, java.nio.file.Path root) {
    this.compiler = new FlowCompiler(catalog);
    this.sounds = Optional.of(sounds);
    this.root = root;
  }

  public Result check(FlowRef ref, String text) {
    String file = ref + ".yaml";
    FlowCompiler.Compiled compiled = compiler.compile(file, text);
    List<Diagnostic> problems = new ArrayList<>(compiled.problems());
    compiled
        .flow()
        .ifPresent(
            flow -> {
              SourcePos top = new SourcePos(file, 1, 1);
              if (!flow.tenant().equals(ref.tenant()) || !flow.name().equals(ref.flow())) {
                problems.add(
                    new Diagnostic(
                        top,
                        "this draft is "
                            + ref
                            + " but its header says tenant '"
                            + flow.tenant()
                            + "' and flow '"
                            + flow.name()
                            + "'",
                        "set 'tenant: " + ref.tenant() + "' and 'flow: " + ref.flow() + "'"));
              }
              if (problems.stream().noneMatch(Diagnostic::isError)) {
                String draftFile =
                    root.resolve(ref.tenant()).resolve(ref.flow() + ".yaml").toString();
                sounds.ifPresent(audio -> problems.addAll(audio.missing(flow, draftFile)));
              }
            });
    problems.sort(
        java.util.Comparator.comparingInt((Diagnostic d) -> d.pos().line())
            .thenComparingInt(d -> d.pos().column()));
    return new Result(compiled.flow(), List.copyOf(problems));
  }
}
