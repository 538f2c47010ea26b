package io.tabula.engine.selftest;

import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The flows the engine ships until the flow interpreter arrives, all under tenant {@code selftest}:
 *
 * <ul>
 *   <li>{@code echo}: collects a card number securely (up to 19 digits, {@code #} ends) and says
 *       how many digits arrived, then hangs up. The digits are never read back.
 *   <li>{@code transfer}: transfers the call to queue {@code agents}.
 *   <li>{@code menu}: waits for one key and says it back as a number.
 * </ul>
 *
 * <pre>{@code
 * CallHandlers handlers = SelfTestFlows.handlers();
 * handlers.find("selftest", "echo"); // Optional[handler]
 * }</pre>
 */
public final class SelfTestFlows {

  /** Prompt ids and the words they say, for the terminal softphone. */
  public static final Map<String, String> PROMPT_TEXTS = promptTexts();

  private static final CollectOptions CARD =
      new CollectOptions(19, Duration.ofSeconds(5), Duration.ofSeconds(5), true);

  private SelfTestFlows() {}

  public static CallHandlers handlers() {
    Map<String, CallHandler> flows =
        Map.of(
            "echo",
            SelfTestFlows::echo,
            "transfer",
            SelfTestFlows::transfer,
            "menu",
            SelfTestFlows::menu);
    return (tenant, flow) ->
        "selftest".equals(tenant) ? Optional.ofNullable(flows.get(flow)) : Optional.empty();
  }

  static void echo(io.tabula.flows.port.CallPort call) {
    call.play(prompt("tabula/selftest-welcome"), "");
    SecretField pan = call.memory().field("pan", 19);
    CollectResult result = call.collect(prompt("tabula/enter-card"), pan, CARD);
    call.play(prompt("tabula/digits-received"), "");
    call.sayNumber(result.digits());
    call.play(prompt("tabula/goodbye"), "");
    call.hangup();
  }

  static void transfer(io.tabula.flows.port.CallPort call) {
    call.transfer("agents");
  }

  static void menu(io.tabula.flows.port.CallPort call) {
    var key = call.play(prompt("tabula/menu"), "0123456789*#");
    if (!key.pressed()) {
      key = call.waitForKey(Duration.ofSeconds(5));
    }
    if (key.pressed() && Character.isDigit(key.key())) {
      call.sayNumber(key.key() - '0');
    }
    call.hangup();
  }

  private static Map<String, String> promptTexts() {
    Map<String, String> texts =
        new java.util.HashMap<>(
            Map.of(
                "tabula/selftest-welcome", "Welcome to the Tabula self test.",
                "tabula/enter-card", "Please key your card number, then press hash.",
                "tabula/digits-received", "Digits received:",
                "tabula/goodbye", "Goodbye.",
                "tabula/menu", "Press any key."));
    // The rejection prompts' words live with the prompt tools, which render them.
    texts.putAll(io.tabula.ops.prompts.PlayedPrompt.ENGINE_TEXTS);
    return Map.copyOf(texts);
  }

  private static Prompt prompt(String id) {
    return new Prompt(id, PROMPT_TEXTS.getOrDefault(id, ""));
  }
}
