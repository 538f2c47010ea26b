package io.tabula.engine.tenant.config;

import io.tabula.connectors.lookup.TenantDatabaseConfig;
import io.tabula.flows.model.SourcePos;
import java.util.Objects;

/**
 * A tenant's {@code database:} section: the connector name the flows' lookup steps use, and the
 * database configuration (endpoint, login, TLS, limits, named lookups) the lookup connector opens.
 *
 * @param connector the name in the flows' {@code lookup.connector}, e.g. {@code city-parking}
 * @param pos where {@code connector:} is written
 * @param config the database; its {@code toString()} hides the password
 */
public record LookupConnectorSettings(
    String connector, SourcePos pos, TenantDatabaseConfig config) {

  public LookupConnectorSettings {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(config, "config");
  }

  /** {@code db.city.example:5432}, for log lines. */
  public String endpoint() {
    return config.host() + ":" + config.port();
  }
}
