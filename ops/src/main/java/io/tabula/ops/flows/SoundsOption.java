package io.tabula.ops.flows;

import io.tabula.ops.prompts.FlowAudio;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where {@code flows validate} and {@code flows publish} look for the prompts' audio (a picocli
 * mixin): the folders given with {@code --sounds}, else the checkout's {@code sounds/} folder that
 * {@code tabula prompts render} writes to by default, when it exists.
 */
final class SoundsOption {

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "Asterisk's sounds folder (astdatadir/sounds, as this machine sees it), or where tabula"
              + " prompts render --sounds wrote; every prompt must have audio there. Repeatable."
              + " Default: the checkout's sounds/ folder, where tabula prompts render writes"
              + " from a checkout.")
  List<Path> dirs = new ArrayList<>();

  /** What to check the audio against. */
  sealed interface Folders {}

  /** Check in these folders. */
  record Known(List<Path> dirs) implements Folders {}

  /** No folder was given and the checkout has none: why, and what to pass. */
  record Unknown(String why, String fix) implements Folders {}

  /**
   * The folders to check in; empty (the problem printed) when a folder given does not exist, a typo
   * that must not read as "every prompt is missing".
   */
  Optional<Folders> folders(PrintWriter err) {
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        err.println(
            dir
                + ": error: no such folder; fix: give Asterisk's sounds folder (astdatadir/sounds)"
                + " or the folder tabula prompts render --sounds wrote");
        err.flush();
        return Optional.empty();
      }
    }
    if (!dirs.isEmpty()) {
      return Optional.of(new Known(List.copyOf(dirs)));
    }
    Optional<Path> checkout = FlowAudio.checkoutSounds();
    if (checkout.isPresent() && Files.isDirectory(checkout.get())) {
      return Optional.of(new Known(List.of(checkout.get())));
    }
    return Optional.of(
        new Unknown(
            "no sounds folder to check the prompts' audio in"
                + checkout.map(dir -> " (" + dir + " does not exist)").orElse(""),
            "pass --sounds DIR: Asterisk's sounds folder, or the folder tabula prompts render"
                + " --sounds DIR made"));
  }
}
