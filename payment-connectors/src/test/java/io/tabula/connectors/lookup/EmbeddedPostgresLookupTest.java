package io.tabula.connectors.lookup;

import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.SharedDemoDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** The lookup contract against the embedded PostgreSQL 17 over verified TLS. */
class EmbeddedPostgresLookupTest extends LookupContract {

  private final DemoDatabase demo = SharedDemoDatabase.get();

  @Override
  TenantDatabaseConfig demoConfig(String tenant) {
    return demo.tenantConfig(tenant);
  }

  @Override
  TenantDatabaseConfig certificateConfig(String tenant) {
    return demo.certificateTenantConfig(tenant);
  }

  @Override
  Connection admin() throws SQLException {
    return demo.postgres().connectAsSuperuser(DemoDatabase.DATABASE);
  }
}
