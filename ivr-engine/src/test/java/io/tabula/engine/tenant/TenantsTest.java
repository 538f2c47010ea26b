package io.tabula.engine.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.lookup.ConnectionProblem;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.flows.connect.IdempotencyKey;
import io.tabula.flows.connect.LookupInput;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.PaymentRequest;
import io.tabula.flows.connect.Value;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants opened from files against the real parts: PostgreSQL 17 over verified TLS with the demo
 * data, and the Stripe-compatible connector against the gateway simulator over verified TLS.
 */
class TenantsTest {

  private static final Currency USD = Currency.getInstance("USD");

  @TempDir Path dir;

  private final LiveTenants live = LiveTenants.get();
  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(4, 512, false, false));
  private CallMemory memory;
  private Tenants tenants;

  @BeforeEach
  void call() {
    memory = ((Acquisition.Acquired) pool.acquire()).memory();
  }

  @AfterEach
  void close() {
    if (tenants != null) {
      tenants.close();
    }
    pool.close();
  }

  private Tenants open() {
    tenants =
        Tenants.open(
            TenantFiles.load(dir, FileChecks.full(Map.of())),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    return tenants;
  }

  @Test
  void eachTenantDatabaseIsReachableOverVerifiedTlsAndHealthSaysSo() {
    live.write(dir);

    var checks = open().checkDatabases();

    assertThat(checks).extracting(DatabaseCheck::tenant).containsExactly("city", "utility");
    assertThat(checks).allSatisfy(check -> assertThat(check.reachable()).isTrue());
    assertThat(checks.getFirst().describe())
        .isEqualTo(
            "tenant city: database "
                + live.database.postgres().host()
                + ":"
                + live.database.postgres().port()
                + " reachable over TLS (verify-full)");
    assertThat(TenantHealth.status(tenants, "city").state()).isEqualTo(HealthStatus.State.UP);
  }

  @Test
  void aKeyedTicketIsLookedUpInTheCitysDatabase() {
    live.write(dir);
    SecretField ticket = keyed("ticket", "12345678");

    LookupResult result =
        open()
            .connectors()
            .lookup("city-parking")
            .orElseThrow()
            .lookup(
                new LookupRequest(
                    "city",
                    "ticket",
                    "1795421793.1",
                    Map.of("ticket", new LookupInput.Secret(ticket))));

    assertThat(result)
        .isEqualTo(
            new LookupResult.Found(
                Map.of(
                    "balance", new Value.Money(new BigDecimal("45.00"), USD),
                    "due_date", new Value.Date(LocalDate.of(2026, 12, 15)))));
  }

  @Test
  void theUtilityLookupTakesTheAccountAndZipAsSecrets() {
    live.write(dir);

    LookupResult result =
        open()
            .connectors()
            .lookup("utility-billing")
            .orElseThrow()
            .lookup(
                new LookupRequest(
                    "utility",
                    "account",
                    "1795421793.2",
                    Map.of(
                        "account", new LookupInput.Secret(keyed("account", "1002003004")),
                        "zip", new LookupInput.Secret(keyed("zip", "94110")))));

    assertThat(result).isInstanceOf(LookupResult.Found.class);
    assertThat(((LookupResult.Found) result).values().get("balance"))
        .isEqualTo(new Value.Money(new BigDecimal("82.17"), USD));
  }

  @Test
  void aCardIsChargedThroughTheTenantsGatewayWithTheTenantInItsMetadata() {
    live.write(dir);
    int before = live.simulator.ledger().charges().size();

    PaymentOutcome outcome =
        open()
            .connectors()
            .payment("city-pay")
            .orElseThrow()
            .charge(payment("city", "4242424242424242"));

    assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
    assertThat(live.simulator.ledger().charges()).hasSize(before + 1);
    // What the validator holds a pay step's timeout against: 3 sends x 2 requests x 30 s, and the
    // pauses of 250 ms and 500 ms between sends.
    assertThat(tenants.connectors().payment("city-pay").orElseThrow().sendBudget())
        .isEqualTo(java.time.Duration.ofSeconds(180).plusMillis(750));
    assertThat(live.simulator.ledger().charges().getLast().metadata())
        .containsEntry("tenant", "city");
  }

  @Test
  void aPaymentTheProcessorHasNotSettledIsUnknownUnderTheKeyTheEngineLogs() {
    live.write(dir);
    PaymentRequest request = payment("city", "4242424242424242");
    live.simulator.faults().inject(io.tabula.connectors.simulator.Fault.PROCESSING);

    PaymentOutcome outcome = open().connectors().payment("city-pay").orElseThrow().charge(request);

    assertThat(outcome).isEqualTo(new PaymentOutcome.Unknown("processing"));
    assertThat(live.simulator.ledger().charges().getLast().idempotencyKey())
        .as("operations find the charge by the key in the reconciliation line")
        .isEqualTo(request.key().value() + ":pi");
    assertThat(live.simulator.ledger().charges().getLast().metadata())
        .containsEntry("reference", "12345678");
    assertThat(request.pan().isEmpty()).as("card zeroed").isTrue();
  }

  @Test
  void anotherTenantsCallIsRefusedByBothConnectorsAndNothingReachesTheGateway() {
    live.write(dir);
    open();
    long requests = live.simulator.ledger().requests();
    PaymentRequest utilityCall = payment("utility", "4242424242424242");

    PaymentOutcome charge =
        tenants.connectors().payment("city-pay").orElseThrow().charge(utilityCall);
    LookupResult lookup =
        tenants
            .connectors()
            .lookup("city-parking")
            .orElseThrow()
            .lookup(
                new LookupRequest(
                    "utility",
                    "ticket",
                    "1795421793.4",
                    Map.of("ticket", new LookupInput.Secret(keyed("ticket", "12345678")))));

    assertThat(charge).isEqualTo(new PaymentOutcome.Failed("connector of another tenant"));
    assertThat(live.simulator.ledger().requests()).isEqualTo(requests);
    assertThat(utilityCall.pan().isEmpty()).as("card zeroed").isTrue();
    assertThat(lookup).isEqualTo(new LookupResult.Failed(LookupResult.FailureKind.INTERNAL, false));
  }

  @Test
  void aBrandTheTenantDoesNotAcceptIsNeverSent() throws IOException {
    live.write(dir);
    Path city = dir.resolve("city.yaml");
    Files.writeString(city, Files.readString(city) + "  acceptedBrands: [visa]\n");
    open();
    long requests = live.simulator.ledger().requests();

    PaymentOutcome outcome =
        tenants
            .connectors()
            .payment("city-pay")
            .orElseThrow()
            .charge(payment("city", "5555555555554444"));

    assertThat(outcome).isInstanceOf(PaymentOutcome.Declined.class);
    assertThat(live.simulator.ledger().requests()).isEqualTo(requests);
  }

  @Test
  void anUnreachableDatabaseIsReportedWithAdviceAndHealthIsDegradedNotDown() throws IOException {
    live.write(dir);
    live.pointDatabaseAtClosedPort(dir, "city");

    var check = open().checkDatabase("city").orElseThrow();

    assertThat(check.problem()).contains(ConnectionProblem.UNREACHABLE);
    assertThat(check.describe())
        .contains("NOT reachable")
        .contains("check host, port and firewall");
    HealthStatus health = TenantHealth.status(tenants, "city");
    assertThat(health.state()).isEqualTo(HealthStatus.State.DEGRADED);
    assertThat(health.detail()).contains("NOT reachable");
    assertThat(tenants.checkDatabase("utility").orElseThrow().reachable()).isTrue();
  }

  private SecretField keyed(String name, String digits) {
    SecretField field = memory.field(name, 19);
    for (byte b : digits.getBytes(StandardCharsets.US_ASCII)) {
      field.append(b);
    }
    return field;
  }

  private PaymentRequest payment(String tenant, String pan) {
    return new PaymentRequest(
        tenant,
        new Value.Money(new BigDecimal("45.00"), USD),
        keyed("pan", pan),
        keyed("expiry", "1230"),
        keyed("cvc", "123"),
        IdempotencyKey.of(
            io.tabula.flows.port.CallId.random(new java.security.SecureRandom()), "pay", 1),
        Map.of("ticket", "12345678"));
  }
}
