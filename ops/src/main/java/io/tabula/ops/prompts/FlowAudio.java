package io.tabula.ops.prompts;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.store.ShippedFlowFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a flow's prompts have audio, as {@code flows validate} and {@code flows publish} report
 * it: one error per prompt and language without a sound file, at the prompt's line, naming the file
 * Asterisk would look for and the command that makes it. The prompts and the rule are those of
 * {@code tabula prompts check} and serve ({@link PlayedPrompt#of}, {@link PromptCheck}), so every
 * language a flow's prompts are in is checked in one place.
 *
 * <pre>{@code
 * List<Diagnostic> silent = FlowAudio.missing(flow, List.of(Path.of("/var/lib/asterisk/sounds")));
 * }</pre>
 */
public final class FlowAudio {

  /** The folder, in a checkout, that {@code tabula prompts render} writes to by default. */
  public static final String CHECKOUT_SOUNDS = "sounds";

  private FlowAudio() {}

  /**
   * {@code <checkout>/sounds} when the code runs from a checkout of the repository (as {@code
   * ./tabula} does), whether or not it exists yet; empty anywhere else (a copied jar, an image).
   */
  public static Optional<Path> checkoutSounds() {
    return ShippedFlowFiles.checkoutFile(ShippedFlowFiles.SCHEMA)
        .map(schema -> schema.getParent().getParent().resolve(CHECKOUT_SOUNDS));
  }

  /** One error per prompt of {@code flow} that Asterisk would find no sound file for. */
  public static List<Diagnostic> missing(Flow flow, List<Path> soundsDirs) {
    return missing(flow, soundsDirs, flow.file());
  }

  /**
   * As {@link #missing(Flow, List)}, naming {@code flowFile} in the render command (the console
   * checks a draft's text, whose file is elsewhere).
   */
  public static List<Diagnostic> missing(Flow flow, List<Path> soundsDirs, String flowFile) {
    List<Diagnostic> problems = new ArrayList<>();
    for (PlayedPrompt prompt : PromptCheck.missing(soundsDirs, PlayedPrompt.of(flow))) {
      SourcePos where =
          flow.promptPositions().getOrDefault(prompt.id(), new SourcePos(flow.file(), 1, 1));
      Path expected =
          soundsDirs.getFirst().resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      problems.add(
          new Diagnostic(
              where,
              "prompt '"
                  + prompt.id()
                  + "' ("
                  + prompt.language()
                  + ") of "
                  + prompt.owner()
                  + " has no audio: Asterisk would play "
                  + expected
                  + " (or another format of it), and there is none in "
                  + soundsDirs,
              "make it with tabula prompts render --sounds "
                  + soundsDirs.getFirst()
                  + " --flows "
                  + flowFile
                  + ", or import a recording with tabula prompts import"));
    }
    return problems;
  }
}
