package io.tabula.flows.simulate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation of a simulated call, line by line, as ops read it. Secure input shows as a count
 * of digits, never the digits. Optionally echoes each line as it happens (interactive mode).
 */
public final class Transcript {

  private final List<String> lines = new ArrayList<>();
  private final PrintWriter echo;

  public Transcript(PrintWriter echo) {
    this.echo = echo;
  }

  public Transcript() {
    this(null);
  }

  public synchronized void add(String line) {
    lines.add(line);
    if (echo != null) {
      echo.println(line);
      echo.flush();
    }
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The whole transcript with a newline after each line. */
  public synchronized String text() {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }
}
