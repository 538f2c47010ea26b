package io.tabula.engine.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one tenant a connector serves. Lookup and payment connectors both ask it before touching a
 * database or a gateway, so a flow can never reach another tenant's data or merchant account by
 * naming its connector.
 *
 * <pre>{@code
 * ConnectorOwner owner = new ConnectorOwner("lookup", "city-parking", "city");
 * if (owner.refuses(request.tenant())) { return failed; }
 * }</pre>
 *
 * @param kind {@code lookup} or {@code payment}, for the log line
 * @param connector the connector's name, as flows use it
 * @param tenant the tenant it belongs to
 */
record ConnectorOwner(String kind, String connector, String tenant) {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorOwner.class);

  /** True, with one WARN line, when a call of {@code callTenant} must not use this connector. */
  boolean refuses(String callTenant) {
    if (tenant.equals(callTenant)) {
      return false;
    }
    LOG.warn(
        "{} connector {} belongs to tenant {}; refused a request for tenant {}, nothing sent: its"
            + " flow must name one of its own tenant's connectors",
        kind,
        connector,
        tenant,
        callTenant);
    return true;
  }
}
