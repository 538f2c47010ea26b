package io.tabula.engine.pbx;

import java.util.concurrent.CompletionStage;

/**
 * The person (or script) on the phone. The PBX asks it for input whenever a command waits for keys,
 * and tells it what it hears. Methods are called on the connection's event loop: return a completed
 * stage for scripted input, or complete it later from another thread.
 */
public interface Caller {

  /** What the caller does while {@code request} waits. */
  CompletionStage<CallerAction> input(InputRequest request);

  /**
   * Asked before every command: whether the caller hangs up now, before the command runs (Asterisk
   * then sends {@code HANGUP} and treats the command as on a dead channel). A person hangs up
   * through {@link #input} instead.
   */
  default boolean hangsUpBefore(String command) {
    return false;
  }

  default void heard(Heard heard) {}
}
