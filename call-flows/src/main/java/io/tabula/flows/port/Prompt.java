package io.tabula.flows.port;

/**
 * A recorded prompt: the sound file Asterisk plays ({@code id}, without extension) and the words it
 * says, shown by the terminal softphone and usable for text-to-speech.
 */
public record Prompt(String id, String text) {

  public Prompt {
    if (id == null || id.isEmpty() || hasWhitespace(id)) {
      throw new IllegalArgumentException("a prompt id is a sound file name without spaces");
    }
    text = text == null ? "" : text;
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
