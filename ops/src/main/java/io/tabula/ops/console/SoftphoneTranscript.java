package io.tabula.ops.console;

import java.util.ArrayList;
import java.util.List;

/**
 * What the softphone page shows of a call: the IVR's lines, the caller's (secure digits as {@code
 * *}), the step outcomes, whether the flow waits for a key, and the call's outcome. The page's
 * requests wait on it until the flow has answered a key.
 */
public final class SoftphoneTranscript {

  /**
   * One line; {@code who} is {@code ivr}, {@code caller} or {@code event}. An IVR line has the
   * audio Asterisk would play for it (or why there is none).
   */
  public record Line(String who, String text, java.util.Optional<SoftphoneAudio.Clip> audio) {
    Line(String who, String text) {
      this(who, text, java.util.Optional.empty());
    }

    public boolean playable() {
      return audio.isPresent() && audio.get().playable();
    }

    /** Why this line has no audio, or "" when it has (or needs) none. */
    public String noAudio() {
      return audio.map(SoftphoneAudio.Clip::missing).orElse("");
    }
  }

  private final String id;
  private final List<Line> lines = new ArrayList<>();
  private String typing = "";
  private boolean waiting;
  private long sent;
  private long taken;
  private boolean ended;
  private String outcome = "";

  /**
   * @param id the call's id, which the page's audio addresses name
   */
  SoftphoneTranscript(String id) {
    this.id = id;
  }

  synchronized void say(String text) {
    lines.add(new Line("ivr", text));
  }

  synchronized void say(String text, SoftphoneAudio.Clip audio) {
    lines.add(new Line("ivr", text, java.util.Optional.of(audio)));
  }

  /** The audio of line {@code index}, when it has any to play. */
  synchronized java.util.Optional<SoftphoneAudio.Clip> audio(int index) {
    return index >= 0 && index < lines.size() && lines.get(index).playable()
        ? lines.get(index).audio()
        : java.util.Optional.empty();
  }

  synchronized void caller(String text) {
    typing = "";
    lines.add(new Line("caller", text));
  }

  synchronized void event(String text) {
    lines.add(new Line("event", text));
    if (text.contains(": ")) {
      outcome = text;
    }
  }

  synchronized void typing(CharSequence shown) {
    typing = shown.toString();
    notifyAll();
  }

  synchronized void waiting(boolean now) {
    waiting = now;
    notifyAll();
  }

  synchronized void ended(String how) {
    ended = true;
    lines.add(new Line("event", "call ended: " + how));
    notifyAll();
  }

  synchronized void keySent() {
    sent++;
  }

  /** The flow took a key: it is busy with it until it waits again (or the call ends). */
  synchronized void keyTaken() {
    taken++;
    waiting = false;
    notifyAll();
  }

  /**
   * Waits (at most {@code millis}) until the flow took every key sent and waits for the caller
   * again, or the call ended.
   */
  synchronized void awaitQuiet(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!ended && (taken < sent || !waiting)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      wait(left);
    }
  }

  synchronized View view() {
    return new View(id, List.copyOf(lines), typing, waiting, ended, outcome);
  }

  /** A copy for a page to render. */
  public record View(
      String id, List<Line> lines, String typing, boolean waiting, boolean ended, String outcome) {}
}
