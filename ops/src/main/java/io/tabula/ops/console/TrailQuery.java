package io.tabula.ops.console;

import io.javalin.http.Context;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.TrailSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The trail page's filters as the form sends them (who, action, outcome, from, to in UTC, tenant),
 * checked against what the auditor may see: a tenant outside their scope is never searched. A value
 * that does not parse is left out and named in {@link #problems()}.
 */
public record TrailQuery(
    String who,
    String action,
    String outcome,
    String from,
    String to,
    String tenant,
    TrailSearch.Filter filter,
    List<String> problems) {

  private static final int MAX_WHO = 64;

  static TrailQuery of(Context ctx, List<String> scope) {
    List<String> problems = new ArrayList<>();
    String who = param(ctx, "who");
    String action = param(ctx, "action");
    String outcome = param(ctx, "outcome");
    String from = param(ctx, "from");
    String to = param(ctx, "to");
    String tenant = param(ctx, "tenant");
    List<String> tenants = scope;
    if (!tenant.isEmpty()) {
      if (scope.contains(tenant)) {
        tenants = List.of(tenant);
      } else {
        problems.add("You audit no tenant called that; pick one from the list.");
        tenant = "";
      }
    }
    if (who.length() > MAX_WHO) {
      problems.add("A user name has at most " + MAX_WHO + " characters.");
      who = "";
    }
    TrailSearch.Filter filter =
        new TrailSearch.Filter(
            tenants,
            who.isEmpty() ? Optional.empty() : Optional.of(who),
            enumOf(action, AuditAction::fromCode, "action", problems),
            enumOf(outcome, o -> Outcome.valueOf(o.toUpperCase(Locale.ROOT)), "outcome", problems),
            time(from, "from", problems),
            time(to, "to", problems));
    return new TrailQuery(who, action, outcome, from, to, tenant, filter, List.copyOf(problems));
  }

  /** The filters as a query string, for the next page and the export link. */
  public String query(String extraName, String extraValue) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("who", who);
    values.put("action", action);
    values.put("outcome", outcome);
    values.put("from", from);
    values.put("to", to);
    values.put("tenant", tenant);
    if (extraName != null) {
      values.put(extraName, extraValue);
    }
    return values.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
  }

  private static <T> Optional<T> enumOf(
      String text,
      java.util.function.Function<String, T> parse,
      String what,
      List<String> problems) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text));
    } catch (IllegalArgumentException e) {
      problems.add("Unknown " + what + "; pick one from the list.");
      return Optional.empty();
    }
  }

  private static Optional<java.time.Instant> time(String text, String what, List<String> problems) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      problems.add("The '" + what + "' time is not a date and time like 2026-12-06T09:30 (UTC).");
      return Optional.empty();
    }
  }
}
