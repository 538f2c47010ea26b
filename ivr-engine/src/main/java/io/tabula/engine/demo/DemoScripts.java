package io.tabula.engine.demo;

import java.util.Map;
import java.util.Optional;

/**
 * The happy path of each shipped flow as a key script (one token per prompt that asks for input,
 * see {@link FlowAwareCaller}), keyed with the demo data: a ticket or account that owes money and
 * Stripe's approved Visa test card.
 */
public final class DemoScripts {

  private static final String CARD = "4242424242424242# 1230 123#";

  private static final Map<String, String> HAPPY_PATHS =
      Map.of(
          "city/parking-ticket", "12345678 1 " + CARD,
          "utility/bill-payment", "1002003004 94110 1 " + CARD,
          "utility/balance", "1002003004 94110");

  private DemoScripts() {}

  public static Optional<String> happyPath(String route) {
    return Optional.ofNullable(HAPPY_PATHS.get(route));
  }

  /** Whether the flow ends with a payment, so the demo can check the simulator's ledger. */
  public static boolean pays(String route) {
    return !route.endsWith("/balance");
  }
}
