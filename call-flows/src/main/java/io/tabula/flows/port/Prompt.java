package io.tabula.flows.port;

/**
 * A recorded prompt: the sound file Asterisk plays ({@code id}, without extension) and the words it
 * says, shown by the terminal softphone and usable for text-to-speech.
 */
public record Prompt(String id, String text) {

  public Prompt {
    if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a prompt id is a sound file name without spaces");
    }
    text = text == null ? "" : text;
  }
}
