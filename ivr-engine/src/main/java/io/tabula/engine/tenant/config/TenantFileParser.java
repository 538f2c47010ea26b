package io.tabula.engine.tenant.config;

import io.tabula.flows.model.SourcePos;
import io.tabula.flows.parse.Problems;
import io.tabula.flows.parse.SafeYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one tenant file into a {@link TenantFile}, reporting every problem of the file into {@link
 * Problems} with its line and column.
 */
final class TenantFileParser {

  /** How problems name the file's top level. */
  static final String ROOT = "the tenant file";

  static final List<String> TOP_KEYS = List.of("tenant", "database", "payment");

  /** Tenant ids appear in routes, metric tags and log lines: keep them plain. */
  static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** The longest tenant file accepted; a bigger one is the wrong file. */
  static final int MAX_CHARS = 256 * 1024;

  private TenantFileParser() {}

  /**
   * A tenant id or connector name as written, collected even when the file has other problems, so
   * names used twice across files are reported in the same run.
   *
   * @param kind {@code tenant} or {@code connector}
   */
  record Declared(String kind, String name, SourcePos pos) {}

  static Optional<TenantFile> parse(
      Path file, String text, Problems problems, FileChecks checks, List<Declared> declared) {
    if (text.length() > MAX_CHARS) {
      problems.add(
          new SourcePos(problems.file(), 1, 1),
          "the file has more than " + MAX_CHARS + " characters",
          "a tenant file holds one tenant; check that this is the right file");
      return Optional.empty();
    }
    Optional<Node> root =
        SafeYaml.compose(
            text,
            problems,
            "start with 'tenant: <id>', then 'database:' and/or 'payment:' (see docs/tenants.md)");
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Path folder = file.toAbsolutePath().getParent();
    return YamlSection.of(problems, root.get(), ROOT, folder)
        .flatMap(top -> build(file, top, checks, declared));
  }

  private static Optional<TenantFile> build(
      Path file, YamlSection top, FileChecks checks, List<Declared> declared) {
    top.allowOnly(TOP_KEYS);
    Optional<String> tenant = top.text("tenant", true).filter(id -> validId(top, id));
    tenant.ifPresent(t -> declared.add(new Declared("tenant", t, top.pos("tenant"))));
    String id = tenant.orElse("");
    Optional<YamlSection> databaseSection = top.section("database", false);
    Optional<YamlSection> paymentSection = top.section("payment", false);
    databaseSection.ifPresent(d -> declareConnector(d, declared));
    paymentSection.ifPresent(p -> declareConnector(p, declared));
    var database = databaseSection.flatMap(d -> DatabaseSection.read(id, d, checks));
    var payment = paymentSection.flatMap(p -> PaymentSection.read(p, checks));
    if (!top.has("database") && !top.has("payment")) {
      top.problem(
          top.pos(),
          "the tenant has neither 'database' nor 'payment'",
          "add a 'database:' section for lookups and/or a 'payment:' section for card payments");
    }
    return tenant.map(t -> new TenantFile(t, file, top.pos("tenant"), database, payment));
  }

  /** Peeks at {@code connector} without reporting: the section's reader reports its problems. */
  private static void declareConnector(YamlSection section, List<Declared> declared) {
    var tuple = section.entries().get("connector");
    if (tuple != null) {
      YamlSection.scalar(tuple.getValueNode())
          .map(String::trim)
          .filter(name -> !name.isEmpty())
          .ifPresent(
              name -> declared.add(new Declared("connector", name, section.pos("connector"))));
    }
  }

  private static boolean validId(YamlSection top, String id) {
    if (TENANT_ID.matcher(id).matches()) {
      return true;
    }
    top.problem(
        top.pos("tenant"),
        "tenant id '" + id + "' has characters other than a-z, 0-9, '-' and '_'",
        "use the id the flows' 'tenant:' and the dialplan's AGI route use, e.g. city");
    return false;
  }
}
