package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.3.2: passwords travel as char[] and are zeroed after the sign-in")
class PasswordsZeroedTest {

  @Test
  void theAttemptsPasswordIsZeroedWhenTheAttemptCloses() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "tram7-violet-harbour");
      char[] typed = "tram7-violet-harbour".toCharArray();
      SignInOutcome outcome;
      try (SignInAttempt attempt =
          new SignInAttempt("ana", typed, Optional.empty(), AccessFixture.HOME)) {
        outcome = f.access.signIn().signIn(attempt);
        assertThat(attempt.toString()).doesNotContain("tram7");
      }
      assertThat(outcome).isInstanceOf(SignInOutcome.MfaEnrolmentRequired.class);
      assertThat(typed).containsOnly('\0');
    }
  }

  @Test
  void noPasswordReachesTheTrailOrTheDatabaseInClear() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "tram7-violet-harbour");
      f.signIn("ana", "wrong-but-close-7", null);
      assertThat(f.access.trailReader().all())
          .allSatisfy(
              r ->
                  assertThat(r.event().toString())
                      .doesNotContain("tram7-violet-harbour")
                      .doesNotContain("wrong-but-close-7"));
      try (var c = AccessTestDatabase.superuser(f.dbSettings.database());
          var s = c.createStatement();
          var rows =
              s.executeQuery(
                  "select password_hash from accounts union all"
                      + " select password_hash from password_history")) {
        while (rows.next()) {
          assertThat(rows.getString(1)).startsWith("$argon2id$").doesNotContain("tram7");
        }
      }
    }
  }
}
