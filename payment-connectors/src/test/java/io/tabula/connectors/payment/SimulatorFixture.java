package io.tabula.connectors.payment;

import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * A simulator with its own CA, the key file and CA file a tenant's configuration points at, and a
 * small call-memory pool. Everything is closed by {@link #close()}.
 */
public final class SimulatorFixture implements AutoCloseable {

  public static final String API_KEY = "sk_test_tabula_0123456789";

  public final DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula test CA");
  public final GatewaySimulator simulator;
  public final Path caPem;
  public final Path keyFile;
  public final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(8, 256, false, false));

  public SimulatorFixture(Path directory) {
    this(directory, Duration.ZERO);
  }

  public SimulatorFixture(Path directory, Duration latency) {
    try {
      caPem = directory.resolve("ca.pem");
      keyFile = directory.resolve("stripe.key");
      ca.writeCertificatePem(caPem);
      Files.writeString(keyFile, API_KEY + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    simulator = GatewaySimulator.start(SimulatorOptions.loopback(ca, API_KEY).withLatency(latency));
  }

  public GatewayConfig stripeConfig() {
    return GatewayConfig.of(
            "stripe", simulator.endpoint(), SecretReference.file(keyFile), Optional.of(caPem))
        .withResponseTimeout(Duration.ofSeconds(2));
  }

  public CallMemory newCall() {
    return TestCards.newCall(pool);
  }

  /** A charge of 42.50 EUR for {@code card}, attempt {@code attempt} of a fresh call id. */
  public static ChargeRequest charge(CardFields card, String callId, int attempt) {
    return new ChargeRequest(
        new BigDecimal("42.50"),
        Currency.getInstance("EUR"),
        card,
        IdempotencyKey.forAttempt(callId, attempt),
        new PaymentMetadata("springfield", "parking", "T-" + callId));
  }

  public static String newCallId() {
    return "1700000000." + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    simulator.close();
    pool.close();
  }
}
