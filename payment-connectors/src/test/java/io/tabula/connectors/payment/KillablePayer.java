package io.tabula.connectors.payment;

import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A stand-in engine process for {@link EngineKilledMidPaymentTest}: {@code pay} keys a card and
 * pays (the test kills it while the processor holds the reply); {@code boot} starts the payment
 * side of a fresh engine the way a restarted engine would, and exits.
 *
 * <p>Arguments: mode, endpoint, CA PEM, key file, call id.
 */
public final class KillablePayer {

  private KillablePayer() {}

  public static void main(String[] args) {
    GatewayConfig config =
        GatewayConfig.of(
            "stripe",
            URI.create(args[1]),
            SecretReference.file(Path.of(args[3])),
            Optional.of(Path.of(args[2])));
    try (PaymentGateway gateway = PaymentGateways.open(config);
        CallMemoryPool pool = CallMemoryPool.open(new CallMemoryPoolConfig(1, 256, false, false))) {
      if ("boot".equals(args[0])) {
        System.out.println("BOOTED");
        return;
      }
      CardPayments payments =
          new CardPayments(
              gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.defaults());
      try (CallMemory call = TestCards.newCall(pool)) {
        CardFields card = TestCards.key(call, TestCards.VISA_APPROVED);
        System.out.println("PAYING");
        System.out.flush();
        PaymentOutcome outcome = payments.pay(SimulatorFixture.charge(card, args[4], 1));
        System.out.println("OUTCOME " + outcome);
      }
    }
  }
}
