package io.tabula.engine.asterisk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays the caller of one call: each time the engine starts the command that plays a given prompt
 * (seen as an {@code AGIExecStart} event on the Asterisk under test), the caller's channel is
 * redirected to the extension of {@code caller-extensions.conf} that keys that entry. Nothing is
 * timed: the caller answers what the engine asks, however long the prompts take.
 *
 * <pre>{@code
 * ScriptedCaller.on(pbxAmi).when("enter-ticket", "ticket").when("pay-menu", "pay")
 *     .play(caller);
 * }</pre>
 */
final class ScriptedCaller {

  private static final long PROMPT_WAIT_SECONDS = 90;

  private final Ami pbx;
  private final String language;
  private final Map<String, String> keysByPrompt = new LinkedHashMap<>();
  private final List<CompletableFuture<Map<String, String>>> prompts = new ArrayList<>();
  private String quietPrompt;

  private ScriptedCaller(Ami pbx, String language) {
    this.pbx = pbx;
    this.language = language;
  }

  static ScriptedCaller on(Ami pbx) {
    return new ScriptedCaller(pbx, "en");
  }

  /** A caller the engine answers in {@code language}: its prompts have that language's words. */
  static ScriptedCaller on(Ami pbx, String language) {
    return new ScriptedCaller(pbx, language);
  }

  /** When the engine plays {@code prompt}, run the caller's extension {@code keys}. */
  ScriptedCaller when(String prompt, String keys) {
    keysByPrompt.put(prompt, keys);
    prompts.add(pbx.next(m -> startsPrompt(m, prompt, language)));
    return this;
  }

  /** A future for the engine starting to play {@code prompt}; register before the call. */
  static CompletableFuture<Map<String, String>> promptStarted(Ami pbx, String prompt) {
    return pbx.next(m -> startsPrompt(m, prompt, "en"));
  }

  /** The engine names a flow's prompt by its words ({@link PromptAudio#soundOf}), not its id. */
  private static boolean startsPrompt(Map<String, String> message, String prompt, String language) {
    String sound = PromptAudio.soundOf(prompt, language);
    return "AGIExecStart".equals(message.get("Event"))
        && (" " + message.getOrDefault("Command", "") + " ").contains(" " + sound + " ");
  }

  /**
   * When the engine plays {@code prompt} (one given to {@link #when}), the caller stops its tone
   * before it keys that entry, and listens in silence from then on.
   */
  ScriptedCaller quietFrom(String prompt) {
    quietPrompt = prompt;
    return this;
  }

  /** Answers every prompt in order, keying each entry when its prompt starts. */
  void play(CallerChannel caller) throws Exception {
    int i = 0;
    for (Map.Entry<String, String> entry : keysByPrompt.entrySet()) {
      prompts.get(i++).get(PROMPT_WAIT_SECONDS, TimeUnit.SECONDS);
      if (entry.getKey().equals(quietPrompt)) {
        caller.listenQuietly();
      }
      caller.key(entry.getValue());
    }
  }
}
