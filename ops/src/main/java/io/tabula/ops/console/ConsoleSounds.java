package io.tabula.ops.console;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import io.tabula.ops.prompts.FlowAudio;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the console looks for the prompts' audio before it publishes, as {@code flows publish
 * --sounds} does. With no folder it fails closed: every draft gets an error saying what to pass, so
 * nothing is published whose audio could not be checked.
 *
 * @param dirs Asterisk's sounds folder(s), or where {@code tabula prompts render --sounds} wrote;
 *     empty when none was given and the checkout has none
 */
public record ConsoleSounds(List<Path> dirs) {

  public ConsoleSounds {
    dirs = List.copyOf(dirs);
  }

  /** The folders given, else the checkout's {@code sounds/} when it exists, else none. */
  public static ConsoleSounds givenOrCheckout(List<Path> given) {
    if (!given.isEmpty()) {
      return new ConsoleSounds(given);
    }
    return new ConsoleSounds(
        FlowAudio.checkoutSounds().filter(java.nio.file.Files::isDirectory).stream().toList());
  }

  /**
   * One error per prompt and language of {@code flow} without audio, or one if none can be told.
   */
  List<Diagnostic> missing(Flow flow, String draftFile) {
    if (dirs.isEmpty()) {
      return List.of(
          new Diagnostic(
              new SourcePos(flow.file(), 1, 1),
              "the console has no sounds folder to check this flow's prompts' audio in, so it"
                  + " cannot be published",
              "restart tabula console with --sounds DIR: Asterisk's sounds folder, or the folder"
                  + " tabula prompts render --sounds DIR made"));
    }
    return FlowAudio.missing(flow, dirs, draftFile);
  }
}
