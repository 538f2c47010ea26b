package io.tabula.connectors.payment.json;

import io.netty.buffer.ByteBuf;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body template such as {@code {"card":{"number":"{{pan}}"},"amount":{{amount_minor}}}},
 * compiled once into literal parts and placeholders. Rendering writes literals and non-secret
 * values as bytes and lets the connector copy card digits from the call's memory into the buffer;
 * no template engine ever sees a card digit.
 *
 * <p>Placeholders: {@code pan}, {@code cvc}, {@code exp_month} (MM), {@code exp_year} (YYYY),
 * {@code exp_yy}, {@code amount} (e.g. 42.50), {@code amount_minor} (4250), {@code currency} (EUR),
 * {@code currency_lower}, {@code idempotency_key}, {@code tenant}, {@code flow}, {@code reference}.
 * Text values are JSON-escaped; the template supplies the quotes.
 *
 * <pre>{@code
 * BodyTemplate template = BodyTemplate.compile(settings.get("body-template"));
 * template.render(request, buffer);
 * }</pre>
 */
public final class BodyTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final Set<String> CARD = Set.of("pan", "cvc", "exp_month", "exp_year", "exp_yy");
  private static final Set<String> VALUES =
      Set.of(
          "amount",
          "amount_minor",
          "currency",
          "currency_lower",
          "idempotency_key",
          "tenant",
          "flow",
          "reference");

  private sealed interface Part {}

  private record Literal(byte[] bytes) implements Part {}

  private record Placeholder(String name) implements Part {}

  private final List<Part> parts;

  private BodyTemplate(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Compiles a template, refusing unknown placeholders and a template without the PAN. */
  public static BodyTemplate compile(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    int last = 0;
    boolean hasPan = false;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!CARD.contains(name) && !VALUES.contains(name)) {
        throw new PaymentConfigurationException(
            "body-template has an unknown placeholder {{"
                + name
                + "}}; use one of "
                + new java.util.TreeSet<>(union()));
      }
      hasPan |= "pan".equals(name);
      parts.add(
          new Literal(template.substring(last, matcher.start()).getBytes(StandardCharsets.UTF_8)));
      parts.add(new Placeholder(name));
      last = matcher.end();
    }
    parts.add(new Literal(template.substring(last).getBytes(StandardCharsets.UTF_8)));
    if (!hasPan) {
      throw new PaymentConfigurationException(
          "body-template must place the card number with {{pan}}");
    }
    return new BodyTemplate(parts);
  }

  private static Set<String> union() {
    java.util.HashSet<String> all = new java.util.HashSet<>(CARD);
    all.addAll(VALUES);
    return all;
  }

  /** Writes the body for {@code request} at the writer index of {@code out}. */
  public void render(ChargeRequest request, ByteBuf out) {
    for (Part part : parts) {
      switch (part) {
        case Literal(byte[] bytes) -> out.writeBytes(bytes);
        case Placeholder(String name) -> placeholder(name, request, out);
      }
    }
  }

  private static void placeholder(String name, ChargeRequest request, ByteBuf out) {
    switch (name) {
      case "pan" -> digits(request.card().pan(), 0, -1, out);
      case "cvc" -> digits(request.card().cvc(), 0, -1, out);
      case "exp_month" -> digits(request.card().expiry(), 0, 2, out);
      case "exp_year" -> {
        out.writeByte('2').writeByte('0');
        digits(request.card().expiry(), 2, 4, out);
      }
      case "exp_yy" -> digits(request.card().expiry(), 2, 4, out);
      default -> text(value(name, request), out);
    }
  }

  private static String value(String name, ChargeRequest request) {
    return switch (name) {
      case "amount" -> request.amount().toPlainString();
      case "amount_minor" -> Long.toString(request.minorUnits());
      case "currency" -> request.currency().getCurrencyCode();
      case "currency_lower" ->
          request.currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT);
      case "idempotency_key" -> request.idempotencyKey().value();
      case "tenant" -> request.metadata().tenant();
      case "flow" -> request.metadata().flow();
      case "reference" -> request.metadata().reference();
      default -> throw new IllegalStateException("placeholder checked at compile time: " + name);
    };
  }

  private static void digits(SecretField field, int from, int to, ByteBuf out) {
    field.read(
        view -> {
          int end = to < 0 ? view.length() : to;
          for (int i = from; i < end; i++) {
            out.writeByte(view.digitAt(i));
          }
          return null;
        });
  }

  /** JSON string escaping for non-secret text. */
  private static void text(String value, ByteBuf out) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    out.writeCharSequence(escaped, StandardCharsets.UTF_8);
  }
}
