package io.tabula.ops.prompts;

import io.tabula.flows.parse.FlowParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-in prompt audio for tests: a short tone as a real 8 kHz 16-bit WAV, where Asterisk (and the
 * publish check, the engine's serve check and the console's softphone) looks for each prompt of a
 * flow in each of its languages: {@code <sounds>/<language>/tabula/<tenant>/<hash>.wav}. Real
 * audio, not a placeholder byte, so whatever decodes it (the softphone's player, {@code flows
 * simulate --audio}) gets a sound of {@link #SECONDS}.
 *
 * <pre>{@code
 * StandInAudio.forFlow(sounds, flowText);
 * }</pre>
 */
public final class StandInAudio {

  /** How long each stand-in sound lasts. */
  public static final double SECONDS = 0.25;

  private StandInAudio() {}

  /** A stand-in sound for every prompt and language of {@code flowText}; answers {@code sounds}. */
  public static Path forFlow(Path sounds, String flowText) throws IOException {
    var flow = FlowParser.parse("stand-in.yaml", flowText).checkable().orElseThrow();
    for (PlayedPrompt prompt : PlayedPrompt.of(flow)) {
      wav(sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav"));
    }
    return sounds;
  }

  /** As {@link #forFlow}, for each flow file. */
  public static Path forFlowFiles(Path sounds, Path... flowFiles) throws IOException {
    for (Path file : flowFiles) {
      forFlow(sounds, Files.readString(file));
    }
    return sounds;
  }

  /** Writes one stand-in sound (a quiet 440 Hz tone of {@link #SECONDS}) at {@code file}. */
  public static Path wav(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Wavs.write(file, Wavs.toneBetweenSilences(8000, 0, SECONDS, 0, 440, 0.2), 8000, 16, 1);
  }
}
