package io.tabula.engine.tenant.config;

import io.tabula.flows.model.SourcePos;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant as its file describes it: the tenant id the calls carry, its database with the named
 * lookups (optional) and its card gateway (optional). Built only by {@link TenantFiles}; {@code
 * toString()} never shows a password.
 *
 * <pre>{@code
 * TenantFile city = config.tenant("city").orElseThrow();
 * city.database().map(LookupConnectorSettings::connector); // Optional[city-parking]
 * }</pre>
 *
 * @param tenant the tenant id, as in the flows' {@code tenant:} and the AGI route
 * @param file where it was read from
 * @param pos where {@code tenant:} is written
 */
public record TenantFile(
    String tenant,
    Path file,
    SourcePos pos,
    Optional<LookupConnectorSettings> database,
    Optional<PaymentConnectorSettings> payment) {

  public TenantFile {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(payment, "payment");
  }
}
