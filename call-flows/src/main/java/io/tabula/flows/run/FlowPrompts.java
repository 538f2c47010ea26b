package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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
    Set<String> ids = new TreeSet<>(flow.prompts().keySet());
    if (flow.onError().prompt().isEmpty()) {
      ids.add(FlowRunner.DEFAULT_SORRY.id());
    }
    if (speaksAnAmount(flow)) {
      String code = flow.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
      ids.add("currency-" + code + "-major");
      ids.add("currency-" + code + "-minor");
      ids.add("and");
    }
    return ids;
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
