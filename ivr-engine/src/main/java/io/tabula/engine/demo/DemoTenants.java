package io.tabula.engine.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.engine.tenant.Tenants;
import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.flows.connect.Connectors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The two demo tenants wired to real parts: the city's parking tickets and the utility's accounts
 * in the embedded PostgreSQL (over verified TLS), and card payments through the Stripe-compatible
 * connector to the gateway simulator (over verified TLS). They are opened exactly as {@code tabula
 * serve} opens an operator's tenants: {@link DemoTenantFiles} writes the tenant files, {@link
 * TenantFiles} loads them and {@link Tenants} opens the connectors.
 */
final class DemoTenants implements AutoCloseable {

  private final Tenants tenants;

  private DemoTenants(Tenants tenants) {
    this.tenants = tenants;
  }

  /**
   * Writes the tenant files into {@code tenantsDir} and opens them.
   *
   * @param apiKeyFile the simulator's test key, read by the connector like a production key
   * @param gatewayCa the CA the simulator's certificate comes from
   */
  static DemoTenants open(
      Path tenantsDir,
      DemoDatabase database,
      URI gateway,
      Path apiKeyFile,
      Path gatewayCa,
      MeterRegistry registry) {
    DemoTenantFiles.write(tenantsDir, database, gateway, apiKeyFile, gatewayCa);
    return new DemoTenants(
        Tenants.open(
            TenantFiles.load(tenantsDir, FileChecks.full(Map.of())), registry, Clock.systemUTC()));
  }

  Connectors connectors() {
    return tenants.connectors();
  }

  @Override
  public void close() {
    tenants.close();
  }
}
