package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.Prompt;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every prompt id the runner may play for a flow: the flow's own prompts, the built-in apology when
 * the flow has no {@code on_error} prompt, and the currency and "and" prompts of spoken amounts.
 * Asterisk needs a sound file for each; {@code tabula serve} checks them at start-up.
 *
 * <p>Example: {@code FlowPrompts.of(flow)} gives {@code [and, currency-usd-major,
 * currency-usd-minor, enter-card, ...]}.
 */
public final class FlowPrompts {

  private FlowPrompts() {}

  public static Set<String> of(Flow flow) {
    return texts(flow).keySet();
  }

  /** The same prompts with the words each says, by id. */
  public static SortedMap<String, String> texts(Flow flow) {
    SortedMap<String, String> texts = new TreeMap<>(flow.prompts());
    if (flow.onError().prompt().isEmpty()) {
      texts.put(FlowRunner.DEFAULT_SORRY.id(), FlowRunner.DEFAULT_SORRY.text());
    }
    if (speaksAnAmount(flow)) {
      String code = flow.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
      texts.put("currency-" + code + "-major", Speech.Units.major(flow.currency()));
      texts.put("currency-" + code + "-minor", Speech.Units.minor(flow.currency()));
      texts.put("and", "and");
    }
    return texts;
  }

  /** The same prompts as the runner plays them, sound names included, by id. */
  public static SortedMap<String, Prompt> prompts(Flow flow) {
    SortedMap<String, Prompt> prompts = new TreeMap<>();
    texts(flow).forEach((id, text) -> prompts.put(id, PromptSound.of(flow, id, text)));
    return prompts;
  }

  private static boolean speaksAnAmount(Flow flow) {
    for (Step step : flow.steps().values()) {
      List<SayItem> items =
          switch (step) {
            case Step.Say s -> s.items();
            case Step.Transfer t -> t.items();
            case Step.Hangup h -> h.items();
            default -> List.of();
          };
      for (SayItem item : items) {
        if (item instanceof SayItem.Speak speak && speak.as() == SayItem.SpeakAs.AMOUNT) {
          return true;
        }
      }
    }
    return false;
  }
}
