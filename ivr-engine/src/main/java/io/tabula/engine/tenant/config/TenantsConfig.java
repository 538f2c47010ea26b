package io.tabula.engine.tenant.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every tenant of a tenants folder, checked together: tenant ids and connector names are unique.
 *
 * <pre>{@code
 * TenantsConfig config = TenantFiles.load(Path.of("/etc/tabula/tenants"), FileChecks.full(env));
 * try (Tenants tenants = Tenants.open(config, registry, Clock.systemUTC())) { ... }
 * }</pre>
 *
 * @param folder the folder the files were read from
 * @param tenants one per file, sorted by file name
 * @param filesChecked false when loaded with {@link FileChecks#structureOnly()}: such a
 *     configuration has no passwords and cannot be opened
 */
public record TenantsConfig(Path folder, List<TenantFile> tenants, boolean filesChecked) {

  public TenantsConfig {
    tenants = List.copyOf(tenants);
  }

  public Optional<TenantFile> tenant(String id) {
    return tenants.stream().filter(t -> t.tenant().equals(id)).findFirst();
  }

  public Set<String> lookupConnectors() {
    Set<String> names = new LinkedHashSet<>();
    tenants.forEach(t -> t.database().ifPresent(d -> names.add(d.connector())));
    return names;
  }

  public Set<String> paymentConnectors() {
    Set<String> names = new LinkedHashSet<>();
    tenants.forEach(t -> t.payment().ifPresent(p -> names.add(p.connector())));
    return names;
  }

  /** The tenant that owns a lookup or payment connector name. */
  public Optional<String> owner(String connector) {
    for (TenantFile tenant : tenants) {
      if (tenant.database().map(d -> d.connector().equals(connector)).orElse(false)
          || tenant.payment().map(p -> p.connector().equals(connector)).orElse(false)) {
        return Optional.of(tenant.tenant());
      }
    }
    return Optional.empty();
  }
}
