package io.tabula.flows.port;

/**
 * A menu key the caller pressed ({@code 0-9}, {@code *}, {@code #}, {@code A-D}), or {@link #NONE}.
 * Keys of secure input never come back this way: they go into a {@code SecretField}.
 */
public record KeyPress(char key) {

  public static final KeyPress NONE = new KeyPress('\0');

  public KeyPress {
    if (key != '\0' && "0123456789*#ABCD".indexOf(key) < 0) {
      throw new IllegalArgumentException("not a DTMF key");
    }
  }

  public boolean pressed() {
    return key != '\0';
  }

  @Override
  public String toString() {
    return pressed() ? "KeyPress[" + key + "]" : "KeyPress[none]";
  }
}
