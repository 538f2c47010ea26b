package io.tabula.engine.tenant;

import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.ResultColumn;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.config.PostgresStoreSettings;
import io.tabula.engine.tenant.config.LookupConnectorSettings;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares what the flows ask of connectors with what the tenant files define, before the engine
 * starts: a connector no file defines, a connector of another tenant, a lookup name the tenant's
 * database section lacks, or an output its columns do not map. Each finding names the flow, the
 * step and the connector, so serve can log it as an ERROR and still start.
 *
 * <pre>{@code
 * List<String> errors = FlowConnectorCheck.findings(FlowConnectorCheck.shippedFlows(), config);
 * }</pre>
 */
public final class FlowConnectorCheck {

  private FlowConnectorCheck() {}

  /** The shipped flows (from the checkout when run from one, see {@link ShippedFlowFiles}). */
  public static List<Flow> shippedFlows() {
    List<Flow> flows = new ArrayList<>();
    for (String file : ShippedFlowFiles.names()) {
      ShippedFlowFiles.read(file)
          .flatMap(text -> FlowParser.parse(file, text).flow())
          .ifPresent(flows::add);
    }
    return flows;
  }

  /**
   * The flows serve will run as configured: the shipped ones, or the newest published version of
   * each flow in the configured store (a folder, or PostgreSQL: a store that cannot be reached here
   * gives none, and serve then reports it when it opens the store).
   */
  public static List<Flow> configuredFlows(FlowsSettings settings) {
    if (settings.shipped()) {
      return shippedFlows();
    }
    if (!settings.inPostgres()) {
      return storeFlows(Path.of(settings.store()));
    }
    try {
      PostgresStoreSettings postgres = settings.postgres();
      FlowStoreDatabase database =
          FlowStoreDatabase.parse(
              postgres.url(),
              postgres.user(),
              Path.of(postgres.passwordFile()),
              Path.of(postgres.caCertificate()));
      try (PostgresFlowStore store =
          PostgresFlowStore.open(
              database,
              new FlowCompiler(ConnectorCatalog.of(Connectors.of(List.of(), List.of()))))) {
        return storeFlows(store);
      }
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  /** The newest published version of each flow in {@code store} (unparseable ones skipped). */
  public static List<Flow> storeFlows(FlowVersions store) throws IOException {
    List<Flow> flows = new ArrayList<>();
    for (Map.Entry<FlowKey, Integer> newest : store.newest().entrySet()) {
      store
          .read(newest.getKey(), newest.getValue())
          .flatMap(text -> FlowParser.parse(text.source(), text.text()).flow())
          .ifPresent(flows::add);
    }
    return flows;
  }

  /** The newest published version of each flow in a flow store (unparseable ones skipped). */
  public static List<Flow> storeFlows(Path root) {
    Path published = root.resolve(".published");
    List<Flow> flows = new ArrayList<>();
    if (!Files.isDirectory(published)) {
      return flows;
    }
    try (Stream<Path> versions = Files.walk(published, 3)) {
      versions
          .filter(p -> p.getFileName().toString().matches("[0-9]{6}\\.yaml"))
          .collect(
              java.util.stream.Collectors.groupingBy(
                  Path::getParent, java.util.stream.Collectors.maxBy(Path::compareTo)))
          .values()
          .forEach(newest -> newest.flatMap(FlowConnectorCheck::parse).ifPresent(flows::add));
    } catch (IOException e) {
      // The engine reports an unreadable store itself when it opens it.
    }
    return flows;
  }

  private static Optional<Flow> parse(Path file) {
    try {
      return FlowParser.parse(file.toString(), Files.readString(file)).flow();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Connector names the flows use that no tenant file defines. */
  public static Set<String> missingLookups(List<Flow> flows, TenantsConfig config) {
    Set<String> missing = new LinkedHashSet<>();
    steps(flows, Step.Lookup.class).stream()
        .map(Step.Lookup::connector)
        .filter(name -> !config.lookupConnectors().contains(name))
        .forEach(missing::add);
    return missing;
  }

  public static Set<String> missingPayments(List<Flow> flows, TenantsConfig config) {
    Set<String> missing = new LinkedHashSet<>();
    steps(flows, Step.Pay.class).stream()
        .map(Step.Pay::connector)
        .filter(name -> !config.paymentConnectors().contains(name))
        .forEach(missing::add);
    return missing;
  }

  /** Every mismatch, one line each, naming flow, step and connector. */
  public static List<String> findings(List<Flow> flows, TenantsConfig config) {
    List<String> findings = new ArrayList<>();
    for (Flow flow : flows) {
      for (Step step : flow.steps().values()) {
        switch (step) {
          case Step.Lookup lookup -> lookup(flow, lookup, config).ifPresent(findings::add);
          case Step.Pay pay -> pay(flow, pay, config).ifPresent(findings::add);
          default -> {}
        }
      }
    }
    return findings;
  }

  private static Optional<String> lookup(Flow flow, Step.Lookup step, TenantsConfig config) {
    String where = where(flow, step.id(), step.connectorPos().toString());
    if (!config.lookupConnectors().contains(step.connector())) {
      return Optional.of(
          where
              + " uses lookup connector '"
              + step.connector()
              + "', which no tenant file"
              + " defines; its lookups fail until a tenant file's database.connector names it");
    }
    Optional<String> owner = config.owner(step.connector());
    if (!owner.orElseThrow().equals(flow.tenant())) {
      return Optional.of(ownerMismatch(where, step.connector(), owner.get(), flow.tenant()));
    }
    LookupConnectorSettings database =
        config.tenant(flow.tenant()).flatMap(t -> t.database()).orElseThrow();
    LookupQuery query = database.config().lookups().get(step.name());
    if (query == null) {
      return Optional.of(
          where
              + " asks lookup '"
              + step.name()
              + "' of '"
              + step.connector()
              + "', which "
              + "the tenant file does not define; add it under database.lookups");
    }
    Set<String> columns = new LinkedHashSet<>();
    query.columns().stream().map(ResultColumn::name).forEach(columns::add);
    List<String> unmapped =
        step.outputs().keySet().stream().filter(o -> !columns.contains(o)).toList();
    return unmapped.isEmpty()
        ? Optional.empty()
        : Optional.of(
            where
                + " expects outputs "
                + unmapped
                + " from lookup '"
                + step.name()
                + "', which maps only "
                + columns
                + "; add them under its columns");
  }

  private static Optional<String> pay(Flow flow, Step.Pay step, TenantsConfig config) {
    String where = where(flow, step.id(), step.connectorPos().toString());
    if (!config.paymentConnectors().contains(step.connector())) {
      return Optional.of(
          where
              + " uses payment connector '"
              + step.connector()
              + "', which no tenant file"
              + " defines; its payments fail until a tenant file's payment.connector names it");
    }
    String owner = config.owner(step.connector()).orElseThrow();
    return owner.equals(flow.tenant())
        ? Optional.empty()
        : Optional.of(ownerMismatch(where, step.connector(), owner, flow.tenant()));
  }

  private static String ownerMismatch(String where, String connector, String owner, String tenant) {
    return where
        + " uses connector '"
        + connector
        + "' of tenant '"
        + owner
        + "'; calls of tenant '"
        + tenant
        + "' are refused by it; name one of tenant '"
        + tenant
        + "''s connectors";
  }

  private static String where(Flow flow, String step, String pos) {
    return "flow " + flow.tenant() + "/" + flow.name() + " step '" + step + "' (" + pos + ")";
  }

  private static <T extends Step> List<T> steps(List<Flow> flows, Class<T> kind) {
    return flows.stream()
        .flatMap(f -> f.steps().values().stream())
        .filter(kind::isInstance)
        .map(kind::cast)
        .toList();
  }
}
