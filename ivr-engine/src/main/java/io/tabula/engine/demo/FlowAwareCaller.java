package io.tabula.engine.demo;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.KeyPresses;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.simulate.KeyScript;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A caller without a person: each token of a {@link KeyScript} answers the next prompt that asks
 * for input (the prompt of a collect or a menu, or its re-prompts), and it stays silent through
 * announcements ({@code -} stays silent at a question too, {@code H} hangs up there, {@code ^0}
 * presses 0 as the next prompt starts). A group is fed to the engine however it asks for it: all at
 * once to one {@code GET DATA}, or key by key to {@code STREAM FILE} and each {@code WAIT FOR
 * DIGIT} that follows.
 *
 * <pre>{@code
 * Caller caller = FlowAwareCaller.of(flow, KeyScript.parse("12345678 1 4242424242424242# 1230 123#"));
 * }</pre>
 */
public final class FlowAwareCaller implements Caller {

  private final Set<String> askingPrompts;
  private final Deque<KeyScript.Token> tokens;
  private final Deque<Character> pending = new ArrayDeque<>();

  FlowAwareCaller(Set<String> askingPrompts, List<KeyScript.Token> tokens) {
    this.askingPrompts = Set.copyOf(askingPrompts);
    this.tokens = new ArrayDeque<>(tokens);
  }

  public static FlowAwareCaller of(Flow flow, List<KeyScript.Token> tokens) {
    return new FlowAwareCaller(askingPrompts(flow), tokens);
  }

  /** The sound names of the prompts with which a flow waits for keys: collects' and menus'. */
  static Set<String> askingPrompts(Flow flow) {
    Set<String> prompts = new HashSet<>(menuPrompts(flow));
    for (Step step : flow.steps().values()) {
      if (step instanceof Step.Collect collect) {
        addWithRePrompts(
            flow, prompts, collect.prompt(), collect.invalidPrompt(), collect.noInputPrompt());
      }
    }
    return prompts;
  }

  /**
   * The sound names of menu steps' prompts: the only prompts whose key a softphone may show in
   * clear.
   */
  public static Set<String> menuPrompts(Flow flow) {
    Set<String> prompts = new HashSet<>();
    Set<String> collects = new HashSet<>();
    for (Step step : flow.steps().values()) {
      if (step instanceof Step.Menu menu) {
        addWithRePrompts(flow, prompts, menu.prompt(), menu.invalidPrompt(), menu.noInputPrompt());
      } else if (step instanceof Step.Collect collect) {
        addWithRePrompts(
            flow, collects, collect.prompt(), collect.invalidPrompt(), collect.noInputPrompt());
      }
    }
    // Prompts are named by their words, so a menu's prompt and a collect's may share a sound:
    // then its keys are shown as *, never in clear.
    prompts.removeAll(collects);
    return prompts;
  }

  /** Adds the sound names Asterisk is asked to play for these prompts. */
  private static void addWithRePrompts(
      Flow flow,
      Set<String> prompts,
      SayItem.PromptRef prompt,
      Optional<SayItem.PromptRef> invalid,
      Optional<SayItem.PromptRef> noInput) {
    prompts.add(sound(flow, prompt));
    invalid.map(p -> sound(flow, p)).ifPresent(prompts::add);
    noInput.map(p -> sound(flow, p)).ifPresent(prompts::add);
  }

  private static String sound(Flow flow, SayItem.PromptRef prompt) {
    return PromptSound.of(flow, prompt.id(), flow.promptText(prompt.id())).sound();
  }

  @Override
  public synchronized CompletionStage<CallerAction> input(InputRequest request) {
    boolean announcement = !request.prompt().isEmpty();
    if (announcement && tokens.peekFirst() instanceof KeyScript.BargeIn(char key)) {
      tokens.pollFirst();
      pending.clear();
      pending.add(key);
    } else if (announcement && askingPrompts.contains(request.prompt())) {
      pending.clear();
      switch (tokens.isEmpty() ? new KeyScript.Silence() : tokens.pollFirst()) {
        case KeyScript.Keys(String keys) -> keys.chars().forEach(key -> pending.add((char) key));
        case KeyScript.HangUp h -> {
          return CompletableFuture.completedFuture(new CallerAction.HangUp(Duration.ZERO));
        }
        case KeyScript.Silence s -> {}
        case KeyScript.BargeIn(char key) -> pending.add(key);
      }
    } else if (announcement) {
      return CompletableFuture.completedFuture(new CallerAction.Silence());
    }
    return CompletableFuture.completedFuture(next(request.maxDigits()));
  }

  /** One key for a single-key command; up to {@code maxDigits} digits and a closing # otherwise. */
  private CallerAction next(int maxDigits) {
    if (pending.isEmpty()) {
      return new CallerAction.Silence();
    }
    // The keys go to the PBX in an array it zeroes once used, not in one more String.
    char[] keys = new char[Math.min(Math.max(1, maxDigits), pending.size()) + 1];
    int count = 0;
    int digits = 0;
    while (!pending.isEmpty() && digits < Math.max(1, maxDigits)) {
      char key = pending.pollFirst();
      keys[count++] = key;
      if (key == '#' || maxDigits <= 1) {
        break;
      }
      digits++;
    }
    if (maxDigits > 1 && !pending.isEmpty() && pending.peekFirst() == '#') {
      keys[count++] = pending.pollFirst();
    }
    return new CallerAction.Keys(KeyPresses.taking(keys, count), Duration.ZERO, Duration.ZERO);
  }
}
