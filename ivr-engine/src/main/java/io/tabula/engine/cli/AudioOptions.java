package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.flows.model.Flow;
import io.tabula.ops.prompts.FlowAudio;
import io.tabula.ops.prompts.PlayedPrompt;
import io.tabula.ops.prompts.PromptCheck;
import io.tabula.ops.prompts.SoundLibrary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --audio} of {@code demo} and {@code call} (a picocli mixin): play the call on this
 * machine's sound device. Everything that could stop it is checked before the call starts: the
 * device, the prompts' audio, Asterisk's core sounds for numbers and dates.
 */
final class AudioOptions {

  @Option(
      names = "--audio",
      description =
          "Play the call's audio on this machine's sound device: the prompts (rendered with"
              + " tabula prompts render) and Asterisk's core sounds for numbers, digits and dates.")
  boolean audio;

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "With --audio: where the prompts' audio is; repeatable. Default: the checkout's sounds/"
              + " folder, then /usr/share/asterisk/sounds for the core sounds.")
  List<Path> sounds = new ArrayList<>();

  /** How the check before the call ended. */
  sealed interface Outcome {}

  /** No {@code --audio}: the caller as it is. */
  record Silent() implements Outcome {}

  /** The sound device is open and the sounds are there: {@link #hearing} wraps the caller. */
  record Playing(LineSpeaker speaker, SoundLibrary library, String language) implements Outcome {
    /** {@code caller}, also playing what it hears; close it after the call. */
    CallSpeaker hearing(Caller caller, PrintWriter out) {
      return new CallSpeaker(caller, library, speaker, language, out);
    }
  }

  /** The one line to print, and exit 2. */
  record Refused(String why) implements Outcome {}

  /**
   * Opens the sound device and checks the audio of {@code flow} (when known) before the call.
   *
   * @param language the call's language, the folder sounds are looked up in
   */
  Outcome open(Optional<Flow> flow, String language) {
    if (!audio) {
      return new Silent();
    }
    LineSpeaker speaker;
    try {
      speaker = LineSpeaker.open();
    } catch (LineSpeaker.NoSoundDeviceException e) {
      return new Refused(e.getMessage());
    }
    Optional<String> problem = checkSounds(flow, language);
    if (problem.isPresent()) {
      speaker.close();
      return new Refused(problem.get());
    }
    return new Playing(speaker, library(), language);
  }

  private SoundLibrary library() {
    List<Path> dirs = new ArrayList<>(sounds);
    if (dirs.isEmpty()) {
      FlowAudio.checkoutSounds().filter(Files::isDirectory).ifPresent(dirs::add);
    }
    dirs.add(SoundLibrary.DEBIAN_CORE_SOUNDS);
    return new SoundLibrary(dirs);
  }

  private Optional<String> checkSounds(Optional<Flow> flow, String language) {
    SoundLibrary library = library();
    if (library.find("digits/0", language).isEmpty()) {
      return Optional.of(
          "--audio: Asterisk's core sounds for numbers and dates are not in "
              + library.dirs()
              + "; install them (apt-get install asterisk-core-sounds-"
              + language
              + "-gsm sox) or pass their folder with --sounds");
    }
    if (flow.isEmpty()) {
      return Optional.empty();
    }
    List<PlayedPrompt> missing = PromptCheck.missing(library.dirs(), PlayedPrompt.of(flow.get()));
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "--audio: "
            + missing.size()
            + " prompt(s) of "
            + missing.getFirst().owner()
            + " have no audio in "
            + library.dirs()
            + " (first: "
            + missing.getFirst().label()
            + "); make them with ./tabula prompts render"
            + (sounds.isEmpty() ? "" : " --sounds " + sounds.getFirst())
            + ", or pass the folder that has them with --sounds");
  }
}
