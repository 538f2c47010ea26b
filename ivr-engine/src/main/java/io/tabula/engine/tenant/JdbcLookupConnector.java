package io.tabula.engine.tenant;

import io.tabula.connectors.lookup.BalanceLookup;
import io.tabula.connectors.lookup.LookupFailure;
import io.tabula.connectors.lookup.LookupParameters;
import io.tabula.connectors.lookup.LookupValue;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.LookupInput;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers a flow's {@code lookup} steps from a tenant's own database: the flow's inputs become the
 * named query's parameters (a caller-keyed field travels as a secret parameter, streamed to the
 * server as bytes), and the typed columns come back as flow values.
 *
 * <pre>{@code
 * LookupConnector cityParking = new JdbcLookupConnector("city-parking", "city", jdbcBalanceLookup);
 * }</pre>
 *
 * <p>A connector belongs to one tenant: a call of another tenant whose flow names it is refused
 * ({@link LookupResult.Failed}, nothing asked of any database), so a flow can never read another
 * tenant's data by naming its connector.
 */
public final class JdbcLookupConnector implements LookupConnector {

  private final ConnectorOwner owner;
  private final BalanceLookup lookups;

  public JdbcLookupConnector(String name, String tenant, BalanceLookup lookups) {
    this.owner = new ConnectorOwner("lookup", name, tenant);
    this.lookups = lookups;
  }

  /** The tenant whose database this connector reads. */
  public String tenant() {
    return owner.tenant();
  }

  @Override
  public String name() {
    return owner.connector();
  }

  @Override
  public LookupResult lookup(LookupRequest request) {
    if (owner.refuses(request.tenant())) {
      return new LookupResult.Failed(LookupResult.FailureKind.INTERNAL, false);
    }
    LookupParameters.Builder parameters = LookupParameters.builder();
    request
        .inputs()
        .forEach(
            (input, value) -> {
              switch (value) {
                case LookupInput.Plain plain -> parameters.value(input, plain.value().toString());
                case LookupInput.Secret secret -> parameters.secret(input, secret.field());
              }
            });
    return switch (lookups.lookup(owner.tenant(), request.lookup(), parameters.build())) {
      case io.tabula.connectors.lookup.LookupResult.Found found ->
          new LookupResult.Found(values(found));
      case io.tabula.connectors.lookup.LookupResult.NotFound notFound ->
          new LookupResult.NotFound();
      case io.tabula.connectors.lookup.LookupResult.Failed failed -> failure(failed.failure());
    };
  }

  private static Map<String, Value> values(io.tabula.connectors.lookup.LookupResult.Found found) {
    Map<String, Value> values = new LinkedHashMap<>();
    found
        .values()
        .forEach(
            (column, value) ->
                values.put(
                    column,
                    switch (value) {
                      case LookupValue.Money money ->
                          new Value.Money(money.amount(), money.currency());
                      case LookupValue.Date date -> new Value.Date(date.date());
                      case LookupValue.Text text -> new Value.Text(text.text());
                    }));
    return values;
  }

  /** A slow or unreachable database may answer the next call; a wrong query never will. */
  static LookupResult.Failed failure(LookupFailure failure) {
    return switch (failure) {
      case TIMEOUT -> new LookupResult.Failed(LookupResult.FailureKind.TIMEOUT, true);
      case UNAVAILABLE, TLS_REFUSED ->
          new LookupResult.Failed(LookupResult.FailureKind.UNAVAILABLE, true);
      case BREAKER_OPEN -> new LookupResult.Failed(LookupResult.FailureKind.UNAVAILABLE, false);
      case BAD_PARAMETERS -> new LookupResult.Failed(LookupResult.FailureKind.BAD_INPUT, false);
      case QUERY_FAILED, UNKNOWN_TENANT, UNKNOWN_LOOKUP ->
          new LookupResult.Failed(LookupResult.FailureKind.INTERNAL, false);
    };
  }
}
