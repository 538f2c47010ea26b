package io.tabula.ops.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The searches reps made, so that a re-identification request names its search and not the value
 * again: each holds the tenant, the field and the blind index (never the value), belongs to the
 * login that made it and lasts 15 minutes. Bounded: the oldest is forgotten past 1,000.
 */
final class JournalSearches {

  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final int MAX = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One search: what it looked for, by whom, when. */
  record Search(String login, String tenant, String field, byte[] index, Instant at) {}

  private final Clock clock;
  private final Map<String, Search> searches = new LinkedHashMap<>();

  JournalSearches(Clock clock) {
    this.clock = clock;
  }

  synchronized String remember(String login, String tenant, String field, byte[] index) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    if (searches.size() >= MAX) {
      searches.remove(searches.keySet().iterator().next());
    }
    searches.put(id, new Search(login, tenant, field, index.clone(), clock.instant()));
    return id;
  }

  /** The search {@code id} of {@code login}, if it has not expired. */
  synchronized Optional<Search> find(String id, String login) {
    Search search = id == null ? null : searches.get(id);
    if (search == null
        || !search.login().equals(login)
        || search.at().plus(LIFETIME).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(search);
  }
}
