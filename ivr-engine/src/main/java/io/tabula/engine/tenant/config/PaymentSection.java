package io.tabula.engine.tenant.config;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.connectors.payment.PaymentGatewayProvider;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.flows.model.SourcePos;
import io.tabula.masking.card.CardBrand;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a tenant file's {@code payment:} section into a {@link PaymentConnectorSettings}: the
 * gateway by its provider name, an {@code https} endpoint, the API key reference ({@code file:} or
 * {@code env:}, never the key itself), the trusted CA and the accepted brands.
 */
final class PaymentSection {

  static final List<String> KEYS =
      List.of(
          "connector",
          "gateway",
          "endpoint",
          "apiKey",
          "trustedCa",
          "acceptedBrands",
          "connectTimeout",
          "responseTimeout",
          "settings");

  /** Short names people write for brands whose enum name is longer. */
  private static final Map<String, CardBrand> ALIASES =
      Map.of(
          "amex", CardBrand.AMERICAN_EXPRESS,
          "diners", CardBrand.DINERS_CLUB,
          "mc", CardBrand.MASTERCARD);

  private final YamlSection section;
  private final FileChecks checks;

  private PaymentSection(YamlSection section, FileChecks checks) {
    this.section = section;
    this.checks = checks;
  }

  static Optional<PaymentConnectorSettings> read(YamlSection section, FileChecks checks) {
    return new PaymentSection(section, checks).read();
  }

  private Optional<PaymentConnectorSettings> read() {
    section.allowOnly(KEYS);
    Optional<String> connector = section.text("connector", true);
    Optional<String> gateway = section.text("gateway", true).filter(this::knownGateway);
    Optional<URI> endpoint = section.text("endpoint", true).flatMap(this::endpoint);
    Optional<SecretReference> apiKey = section.text("apiKey", true).flatMap(this::apiKey);
    Optional<Path> trustedCa =
        section.readableFile("trustedCa", false, "the gateway CA certificate", checks);
    trustedCa.ifPresent(
        p -> checks.requireCertificates(section, "trustedCa", p, "the gateway CA certificate"));
    Set<CardBrand> brands = brands();
    Duration connect = section.duration("connectTimeout", GatewayConfig.DEFAULT_CONNECT_TIMEOUT);
    Duration response = section.duration("responseTimeout", GatewayConfig.DEFAULT_RESPONSE_TIMEOUT);
    Map<String, String> settings =
        section.section("settings", false).map(this::settings).orElse(Map.of());
    if (connector.isEmpty() || gateway.isEmpty() || endpoint.isEmpty() || apiKey.isEmpty()) {
      return Optional.empty();
    }
    try {
      GatewayConfig config =
          new GatewayConfig(
              gateway.get(), endpoint.get(), apiKey.get(), trustedCa, connect, response, settings);
      return Optional.of(
          new PaymentConnectorSettings(connector.get(), section.pos("connector"), config, brands));
    } catch (PaymentConfigurationException e) {
      section.problem(section.pos(), e.getMessage(), "fix " + section.where());
      return Optional.empty();
    }
  }

  /** The provider names on the class path, e.g. [json, stripe]. */
  static Set<String> gatewayNames() {
    Set<String> names = new TreeSet<>();
    ServiceLoader.load(PaymentGatewayProvider.class).forEach(p -> names.add(p.name()));
    return names;
  }

  private boolean knownGateway(String name) {
    Set<String> known = gatewayNames();
    if (known.contains(name)) {
      return true;
    }
    section.problem(
        section.pos("gateway"),
        "unknown gateway '" + name + "'" + io.tabula.flows.parse.Suggest.hint(name, known),
        "use one of "
            + String.join(", ", known)
            + " (or put the connector's jar on the class path)");
    return false;
  }

  private Optional<URI> endpoint(String text) {
    try {
      URI uri = new URI(text);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return Optional.of(uri);
      }
      section.problem(
          section.pos("endpoint"),
          "endpoint "
              + text
              + " is not an https URL with a host"
              + ("http".equalsIgnoreCase(uri.getScheme())
                  ? "; card data never travels over plain http"
                  : ""),
          "write https://<host>[:port], e.g. https://api.stripe.com");
    } catch (URISyntaxException e) {
      section.problem(
          section.pos("endpoint"),
          "endpoint is not a URL (" + e.getReason() + ")",
          "write https://<host>[:port], e.g. https://api.stripe.com");
    }
    return Optional.empty();
  }

  /** {@code file:<path>} (relative to the tenant file's folder) or {@code env:<NAME>}. */
  private Optional<SecretReference> apiKey(String text) {
    SecretReference reference;
    try {
      reference = SecretReference.parse(text);
    } catch (PaymentConfigurationException e) {
      section.problem(
          section.pos("apiKey"),
          "apiKey must be a reference to where the key lives, not the key",
          "write file:/run/secrets/<name> (recommended) or env:<VARIABLE>");
      return Optional.empty();
    }
    if (reference.kind() == SecretReference.Kind.ENV) {
      checks.requireEnv(section, "apiKey", reference.location());
      return Optional.of(reference);
    }
    Path file = section.resolve(reference.location());
    checks.requireReadable(section, "apiKey", file, "the API key file");
    return Optional.of(SecretReference.file(file));
  }

  private Set<CardBrand> brands() {
    Optional<List<Map.Entry<String, SourcePos>>> listed = section.list("acceptedBrands");
    if (listed.isEmpty()) {
      EnumSet<CardBrand> all = EnumSet.allOf(CardBrand.class);
      all.remove(CardBrand.UNKNOWN);
      return all;
    }
    EnumSet<CardBrand> brands = EnumSet.noneOf(CardBrand.class);
    for (Map.Entry<String, SourcePos> item : listed.get()) {
      brand(item.getKey())
          .ifPresentOrElse(
              brands::add,
              () ->
                  section.problem(
                      item.getValue(),
                      "unknown card brand '" + item.getKey() + "'",
                      "use one of " + String.join(", ", brandNames())));
    }
    if (brands.isEmpty() && listed.get().isEmpty()) {
      section.problem(
          section.pos("acceptedBrands"),
          "acceptedBrands is empty, so no card could be paid with",
          "list the brands, e.g. [visa, mastercard], or remove the key to accept all");
    }
    return brands;
  }

  static Optional<CardBrand> brand(String text) {
    String normal = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (ALIASES.containsKey(normal)) {
      return Optional.of(ALIASES.get(normal));
    }
    for (CardBrand brand : CardBrand.values()) {
      if (brand != CardBrand.UNKNOWN && brand.name().toLowerCase(Locale.ROOT).equals(normal)) {
        return Optional.of(brand);
      }
    }
    return Optional.empty();
  }

  private static List<String> brandNames() {
    return java.util.Arrays.stream(CardBrand.values())
        .filter(b -> b != CardBrand.UNKNOWN)
        .map(b -> b.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private Map<String, String> settings(YamlSection settings) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> entry : settings.entries().entrySet()) {
      settings.rawText(entry.getKey()).ifPresent(value -> out.put(entry.getKey(), value));
    }
    return out;
  }
}
