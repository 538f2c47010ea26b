package io.tabula.flows.port;

/**
 * A prompt: its id in the flow, the words it says (shown by the terminal softphone, rendered by
 * text-to-speech) and the sound file Asterisk plays for it ({@code sound}, a name relative to
 * Asterisk's {@code sounds/<language>/} folder, without extension).
 *
 * <p>A flow's prompts name their audio by what it says, {@code tabula/<tenant>/<content key>} (see
 * {@code io.tabula.flows.run.PromptSound}); the engine's own prompts ({@code tabula/not-available},
 * a configured Asterisk sound) are played by their id: {@code new Prompt(id, text)}.
 */
public record Prompt(String id, String text, String sound) {

  public Prompt {
    if (id == null || id.isEmpty() || hasWhitespace(id)) {
      throw new IllegalArgumentException("a prompt id is a sound file name without spaces");
    }
    if (sound == null || sound.isEmpty() || hasWhitespace(sound)) {
      throw new IllegalArgumentException("a prompt's sound is a file name without spaces");
    }
    text = text == null ? "" : text;
  }

  /** A prompt whose sound file is named by its id. */
  public Prompt(String id, String text) {
    this(id, text, id);
  }

  // A loop, not a stream: a prompt is made for every one the engine plays.
  private static boolean hasWhitespace(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (Character.isWhitespace(id.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
