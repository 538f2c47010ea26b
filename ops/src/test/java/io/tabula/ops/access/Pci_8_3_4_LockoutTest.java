package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.account.SignInOutcome.Reason;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditRecord;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.3.4: locked out after 10 failed attempts, for 30 minutes")
class Pci_8_3_4_LockoutTest {

  @Test
  void tenWrongPasswordsLockTheAccountForThirtyMinutesEvenAgainstTheRightOne() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      for (int i = 0; i < 9; i++) {
        assertThat(f.signIn("ana", "wrong-password-" + i, null))
            .isEqualTo(new SignInOutcome.Refused(Reason.BAD_CREDENTIALS));
      }
      assertThat(f.access.accounts().require("ana").lockedUntil()).isEmpty();
      f.signIn("ana", "wrong-password-9", null);
      assertThat(f.access.accounts().require("ana").lockedUntil())
          .contains(f.clock.instant().plus(Duration.ofMinutes(30)));

      f.clock.advance(Duration.ofMinutes(29));
      assertThat(
              f.signIn(
                  "ana", "tram7-violet-harbour", AccessFixture.sixDigits(f.currentCode(secret))))
          .isEqualTo(new SignInOutcome.Refused(Reason.LOCKED_OUT));

      f.clock.advance(Duration.ofMinutes(1));
      assertThat(
              f.signIn(
                  "ana", "tram7-violet-harbour", AccessFixture.sixDigits(f.currentCode(secret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);
      assertThat(f.access.accounts().require("ana").failedAttempts()).isZero();

      assertThat(f.access.trailReader().all())
          .extracting(r -> r.event().action())
          .containsOnlyOnce(AuditAction.LOCK_OUT);
    }
  }

  @Test
  void wrongSecondFactorsCountTowardsTheLockOutAndAnAdminCanUnlock() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createEnrolled("ana", "tram7-violet-harbour");
      for (int i = 0; i < 10; i++) {
        f.signIn("ana", "tram7-violet-harbour", "000000");
      }
      assertThat(f.signIn("ana", "tram7-violet-harbour", "000000"))
          .isEqualTo(new SignInOutcome.Refused(Reason.LOCKED_OUT));
      f.access.admin().unlock(AccessFixture.ADMIN, "ana");
      assertThat(f.access.accounts().require("ana").lockedUntil()).isEmpty();
      assertThat(f.access.trailReader().all())
          .extracting(AuditRecord::event)
          .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.UNLOCK));
    }
  }
}
