package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.HOME;
import static io.tabula.ops.access.AccessFixture.sixDigits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.session.Session;
import io.tabula.ops.access.session.SessionEndedException;
import io.tabula.ops.access.session.SessionEndedException.Reason;
import io.tabula.ops.access.session.SessionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.2.8: sessions end after 15 minutes idle and at a fixed maximum")
class Pci_8_2_8_SessionTest {

  private static Session signIn(AccessFixture f, byte[] secret) {
    f.clock.advance(Duration.ofSeconds(30));
    var outcome = f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret)));
    return ((SignInOutcome.SignedIn) outcome).session();
  }

  private static Reason endedReason(AccessFixture f, Session session) {
    try {
      f.access.sessions().check(session.token());
      throw new AssertionError("the session is still live");
    } catch (SessionEndedException e) {
      return e.reason();
    }
  }

  @Test
  void fifteenMinutesIdleEndsTheSessionActivityKeepsItAlive() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      Session session = signIn(f, secret);
      f.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
      assertThat(f.access.sessions().check(session.token())).isPositive();
      f.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
      assertThat(f.access.sessions().check(session.token())).isPositive();
      f.clock.advance(Duration.ofMinutes(15));
      assertThat(endedReason(f, session)).isEqualTo(Reason.IDLE);
      // Once ended it stays ended, whatever the clock does next.
      assertThat(endedReason(f, session)).isEqualTo(Reason.IDLE);
    }
  }

  @Test
  void anActiveSessionStillEndsAtTheMaximum() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      Session session = signIn(f, secret);
      for (int i = 0; i < 8 * 6 - 1; i++) {
        f.clock.advance(Duration.ofMinutes(10));
        f.access.sessions().check(session.token());
      }
      f.clock.advance(Duration.ofMinutes(10));
      assertThat(endedReason(f, session)).isEqualTo(Reason.MAXIMUM_REACHED);
    }
  }

  @Test
  void anIdleLimitAbovePciDssIsRefused() {
    assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8)))
        .hasMessageContaining("8.2.8");
  }

  @Test
  void signOutEndsOneSessionSignOutEverywhereEndsAll() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      Session laptop = signIn(f, secret);
      Session desktop = signIn(f, secret);
      Session tablet = signIn(f, secret);
      f.access.sessions().signOut(laptop.token());
      assertThat(endedReason(f, laptop)).isEqualTo(Reason.SIGNED_OUT);
      assertThat(f.access.sessions().check(desktop.token())).isPositive();

      assertThat(f.access.admin().signOutEverywhere(AccessFixture.ADMIN, "ana")).isEqualTo(2);
      assertThat(endedReason(f, desktop)).isEqualTo(Reason.SIGNED_OUT_EVERYWHERE);
      assertThat(endedReason(f, tablet)).isEqualTo(Reason.SIGNED_OUT_EVERYWHERE);
    }
  }

  @Test
  void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneItWasMadeIn() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      Session here = signIn(f, secret);
      Session elsewhere = signIn(f, secret);
      f.access
          .signIn()
          .changePassword(
              "ana",
              "tram7-violet-harbour".toCharArray(),
              "copper9-lantern-meadow".toCharArray(),
              HOME,
              here.token());
      assertThat(f.access.sessions().check(here.token())).isPositive();
      assertThat(endedReason(f, elsewhere)).isEqualTo(Reason.PASSWORD_CHANGED);
    }
  }

  @Test
  void anUnknownTokenIsRefusedAndOnlyTheTokensHashIsStored() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      Session session = signIn(f, secret);
      assertThat(endedReason(f, new Session("forged", 1))).isEqualTo(Reason.UNKNOWN);
      assertThat(session.toString()).doesNotContain(session.token());
      try (var c = AccessTestDatabase.superuser(f.dbSettings.database());
          var s = c.createStatement();
          var rows = s.executeQuery("select encode(token_hash, 'base64') from sessions")) {
        while (rows.next()) {
          assertThat(rows.getString(1)).isNotEqualTo(session.token());
        }
      }
    }
  }
}
