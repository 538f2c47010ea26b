package io.tabula.load.agi;

import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.util.Optional;

/**
 * The load-test call on the engine, through {@link CallPort}: the same AGI lines as the baseline's
 * {@code BaselineCallScript}: {@code STREAM FILE welcome ""}, {@code GET DATA enter-account 5000
 * 6}, {@code SAY DIGITS 42 ""} (repeated as often as {@code agi_arg_1} says, once without it),
 * {@code HANGUP}. The account number goes into call memory, as every collect does.
 */
public final class LoadCallFlow {

  private static final CollectOptions ACCOUNT =
      new CollectOptions(6, Duration.ofSeconds(5), Duration.ofSeconds(5), false);

  // Made once, as a flow file's prompts are: a real flow does not build its prompts per call.
  private static final Prompt WELCOME = new Prompt("welcome", "");
  private static final Prompt ENTER_ACCOUNT = new Prompt("enter-account", "");

  private LoadCallFlow() {}

  /** Route {@code /load/account}. */
  static CallHandlers handlers() {
    CallHandler handler = LoadCallFlow::run;
    return (tenant, flow) ->
        "load".equals(tenant) && "account".equals(flow) ? Optional.of(handler) : Optional.empty();
  }

  static void run(CallPort call) {
    SecretField account = call.memory().field("account", 6);
    for (int round = rounds(call.info().arguments()); round > 0; round--) {
      call.play(WELCOME, "");
      account.clear();
      call.collect(ENTER_ACCOUNT, account, ACCOUNT);
      call.sayDigits("42");
    }
    call.hangup();
  }

  /**
   * The rounds the generator asked for in {@code agi_arg_1}; 1 without it. The baseline's script
   * reads its rounds here too, so both targets always run the same call.
   */
  public static int rounds(java.util.List<String> arguments) {
    return arguments.isEmpty() ? 1 : Math.max(1, Integer.parseInt(arguments.getFirst().trim()));
  }
}
