package io.tabula.ops.terminal;

import io.tabula.flows.simulate.Keypad;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;

/**
 * The keypad of the person at the terminal: standard input in raw mode (JLine), so each key arrives
 * as it is pressed and the terminal itself echoes nothing; the caller of {@link #next} decides what
 * to show ({@code *} for a secret entry).
 *
 * <p>Keys are read as single bytes from the terminal's input stream, not through a JLine {@code
 * LineReader} (which keeps a line buffer and a history) nor its {@code NonBlockingReader} (whose
 * decoder keeps the last bytes and chars in buffers that are never zeroed). JLine's input stream
 * holds at most the one byte not yet read, in an {@code int} field that the read resets; the
 * kernel's terminal queue is the only other place a key passes through.
 *
 * <p>Ctrl-C still interrupts the program (raw mode keeps {@code ISIG} on here), so the demo's
 * clean-up runs; {@code h}, Ctrl-D and the end of input hang up. When standard input is not a
 * terminal the same bytes are read from it unbuffered, and {@link #echoes()} is false.
 */
public final class TerminalKeypad implements Keypad {

  private static final int CTRL_C = 3;
  private static final int CTRL_D = 4;

  private final Terminal terminal;
  private final Attributes original;
  private final NonBlockingInputStream input;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TerminalKeypad(Terminal terminal, Attributes original, NonBlockingInputStream input) {
    this.terminal = terminal;
    this.original = original;
    this.input = input;
  }

  /** The terminal on standard input in raw mode, or standard input as it is when not a terminal. */
  public static Keypad open() {
    Terminal terminal = systemTerminal();
    if (terminal == null) {
      // Not System.in: its BufferedInputStream would keep up to 8 KiB of keys, never zeroed.
      return piped(new FileInputStream(FileDescriptor.in));
    }
    Attributes original = terminal.enterRawMode();
    Attributes raw = terminal.getAttributes();
    raw.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    terminal.setAttributes(raw);
    return new TerminalKeypad(terminal, original, (NonBlockingInputStream) terminal.input());
  }

  /** Keys from a stream that is not a terminal: read as they come, never echoed. */
  public static Keypad piped(InputStream in) {
    return new TerminalKeypad(null, null, NonBlocking.nonBlocking("keys", in));
  }

  private static Terminal systemTerminal() {
    try {
      return TerminalBuilder.builder()
          .system(true)
          .dumb(false)
          // Standard input decides; the output may go to a file (./tabula demo | tee demo.txt).
          .systemOutput(TerminalBuilder.SystemOutput.ForcedSysOut)
          .nativeSignals(true)
          .signalHandler(Terminal.SignalHandler.SIG_DFL)
          .build();
    } catch (IOException | IllegalStateException | UnsupportedOperationException e) {
      return null; // standard input is not a terminal
    }
  }

  @Override
  public synchronized int next(Duration wait) {
    long deadline = wait == null ? Long.MAX_VALUE : System.nanoTime() + wait.toNanos();
    while (true) {
      long left = wait == null ? 0 : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      int read;
      try {
        read = input.read(left);
      } catch (IOException e) {
        return HANG_UP;
      }
      int key = keyOf(read);
      if (key != NONE) {
        return key;
      }
      if (read == NonBlockingInputStream.READ_EXPIRED && wait != null) {
        return NONE;
      }
      if (wait != null && System.nanoTime() - deadline >= 0) {
        return NONE;
      }
    }
  }

  /** A DTMF key, HANG_UP, or NONE for a byte that is no phone key (Enter, a space, a letter). */
  private static int keyOf(int read) {
    if (read == NonBlockingInputStream.EOF || read == CTRL_C || read == CTRL_D) {
      return HANG_UP;
    }
    if (read == 'h' || read == 'H') {
      return HANG_UP;
    }
    int key = read >= 'a' && read <= 'd' ? Character.toUpperCase(read) : read;
    return Keypad.isKey(key) ? key : NONE;
  }

  @Override
  public boolean echoes() {
    return terminal != null;
  }

  /**
   * Not synchronized with {@link #next}: a read still waiting when the call ended (its command was
   * answered otherwise) must not hold the terminal in raw mode; closing ends that read.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (terminal == null) {
      input.shutdown();
      return;
    }
    try {
      terminal.setAttributes(original);
      terminal.close();
    } catch (IOException e) {
      // The terminal is gone (the session closed): nothing is left to restore.
    }
  }
}
