package io.tabula.engine.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.lookup.JdbcBalanceLookup;
import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.ResultColumn;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.engine.tenant.GatewayPaymentConnector;
import io.tabula.engine.tenant.JdbcLookupConnector;
import io.tabula.flows.connect.Connectors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two demo tenants wired to real parts: the city's parking tickets and the utility's accounts
 * in the embedded PostgreSQL (over verified TLS), and card payments through the Stripe-compatible
 * connector to the gateway simulator (over verified TLS). The connector names are the ones the
 * shipped flows use.
 */
final class DemoTenants implements AutoCloseable {

  static final String CITY = "city";
  static final String UTILITY = "utility";

  private final JdbcBalanceLookup lookups;
  private final PaymentGateway gateway;
  private final Connectors connectors;

  private DemoTenants(JdbcBalanceLookup lookups, PaymentGateway gateway) {
    this.lookups = lookups;
    this.gateway = gateway;
    CardPayments payments =
        new CardPayments(
            gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.defaults());
    this.connectors =
        Connectors.of(
            List.of(
                new JdbcLookupConnector("city-parking", lookups),
                new JdbcLookupConnector("utility-billing", lookups)),
            List.of(
                new GatewayPaymentConnector("city-pay", payments),
                new GatewayPaymentConnector("utility-pay", payments)));
  }

  /**
   * Opens the tenants' database pools and the payment gateway.
   *
   * @param apiKeyFile the simulator's test key, read by the connector like a production key
   * @param gatewayCa the CA the simulator's certificate comes from
   */
  static DemoTenants open(
      DemoDatabase database, URI gateway, Path apiKeyFile, Path gatewayCa, MeterRegistry registry) {
    JdbcBalanceLookup lookups =
        JdbcBalanceLookup.open(
            List.of(
                database.tenantConfig(CITY).withLookups(List.of(parkingTicket())),
                database.tenantConfig(UTILITY).withLookups(List.of(utilityAccount()))),
            registry);
    try {
      PaymentGateway payments =
          PaymentGateways.open(
              GatewayConfig.of(
                  "stripe", gateway, SecretReference.file(apiKeyFile), Optional.of(gatewayCa)));
      return new DemoTenants(lookups, payments);
    } catch (RuntimeException e) {
      lookups.close();
      throw e;
    }
  }

  /** The ticket number is keyed by the caller, so it travels as a secret parameter. */
  static LookupQuery parkingTicket() {
    return new LookupQuery(
        "ticket",
        "select amount_due, currency, due_date from parking_tickets where ticket_number = :ticket",
        Set.of("ticket"),
        List.of(
            ResultColumn.money("balance", "amount_due", "currency"),
            ResultColumn.date("due_date", "due_date")));
  }

  /** Account number and ZIP code are both keyed, so both travel as secret parameters. */
  static LookupQuery utilityAccount() {
    return new LookupQuery(
        "account",
        "select balance, currency, due_date from utility_accounts"
            + " where account_number = :account and zip_code = :zip",
        Set.of("account", "zip"),
        List.of(
            ResultColumn.money("balance", "balance", "currency"),
            ResultColumn.date("due_date", "due_date")));
  }

  Connectors connectors() {
    return connectors;
  }

  @Override
  public void close() {
    gateway.close();
    lookups.close();
  }
}
