package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.Prompt;
import java.util.List;
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

  /** The same prompts with the words each says in the flow's own language, by id. */
  public static SortedMap<String, String> texts(Flow flow) {
    return texts(flow, flow.language());
  }

  /** The same prompts with the words each says in {@code language}, by id. */
  public static SortedMap<String, String> texts(Flow flow, String language) {
    SortedMap<String, String> texts = new TreeMap<>(flow.prompts(language));
    if (flow.onError().prompt().isEmpty()) {
      texts.put(FlowRunner.DEFAULT_SORRY.id(), BuiltInWords.sorry(language));
    }
    if (speaks(flow, SayItem.SpeakAs.AMOUNT)) {
      BuiltInWords.unitPrompts(flow.currency(), language).forEach(texts::put);
    }
    if (BuiltInWords.spanish(language)
        && (speaks(flow, SayItem.SpeakAs.AMOUNT) || speaks(flow, SayItem.SpeakAs.NUMBER))) {
      texts.put(BuiltInWords.CIEN, "cien");
    }
    return texts;
  }

  /** The prompts as the runner plays them in the flow's own language, by id. */
  public static SortedMap<String, Prompt> prompts(Flow flow) {
    return prompts(flow, flow.language());
  }

  /** The prompts as the runner plays them in {@code language}, sound names included, by id. */
  public static SortedMap<String, Prompt> prompts(Flow flow, String language) {
    SortedMap<String, Prompt> prompts = new TreeMap<>();
    texts(flow, language)
        .forEach((id, text) -> prompts.put(id, PromptSound.of(flow, language, id, text)));
    return prompts;
  }

  private static boolean speaks(Flow flow, SayItem.SpeakAs as) {
    for (Step step : flow.steps().values()) {
      List<SayItem> items =
          switch (step) {
            case Step.Say s -> s.items();
            case Step.Transfer t -> t.items();
            case Step.Hangup h -> h.items();
            default -> List.of();
          };
      for (SayItem item : items) {
        if (item instanceof SayItem.Speak speak && speak.as() == as) {
          return true;
        }
      }
    }
    return false;
  }
}
