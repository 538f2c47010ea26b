package io.tabula.connectors.payment;

/**
 * The service a connector jar registers in {@code
 * META-INF/services/io.tabula.connectors.payment.PaymentGatewayProvider}, so that a new processor
 * is a new jar on the class path and a name in the tenant's configuration.
 *
 * <pre>{@code
 * public final class AcmeProvider implements PaymentGatewayProvider {
 *   public String name() { return "acme"; }
 *   public PaymentGateway open(GatewayConfig config) { return new AcmeGateway(config); }
 * }
 * }</pre>
 */
public interface PaymentGatewayProvider {

  /** The name tenants write as {@code connector} in their configuration. */
  String name();

  /** A gateway for one tenant's configuration; it owns what it opens until closed. */
  PaymentGateway open(GatewayConfig config);
}
