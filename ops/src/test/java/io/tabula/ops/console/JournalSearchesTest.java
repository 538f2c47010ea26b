package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A re-identification names a search by its id: only the login that made it may use it, and only
 * for 15 minutes; the search keeps the blind index, never the value.
 */
class JournalSearchesTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T09:00:00Z"));
  private final JournalSearches searches = new JournalSearches(clock);

  @Test
  void aSearchIsItsMakersFor15Minutes() {
    String id = searches.remember("rita", "city", "account", new byte[] {1, 2, 3});
    assertThat(searches.find(id, "rita"))
        .hasValueSatisfying(s -> assertThat(s.tenant()).isEqualTo("city"));
    assertThat(searches.find(id, "otto")).isEmpty();
    assertThat(searches.find("not-an-id", "rita")).isEmpty();
    assertThat(searches.find(null, "rita")).isEmpty();
    clock.advance(JournalSearches.LIFETIME);
    assertThat(searches.find(id, "rita")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(searches.find(id, "rita")).isEmpty();
  }

  @Test
  void idsAreUnguessableAndTheOldestIsForgottenPastAThousand() {
    String first = searches.remember("rita", "city", "ticket", new byte[] {1});
    assertThat(first).matches("[0-9a-f]{32}");
    for (int i = 0; i < 1_000; i++) {
      searches.remember("rita", "city", "ticket", new byte[] {1});
    }
    assertThat(searches.find(first, "rita")).isEmpty();
  }
}
