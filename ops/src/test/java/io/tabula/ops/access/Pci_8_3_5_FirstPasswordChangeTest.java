package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.HOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.password.Argon2Settings;
import io.tabula.ops.access.password.PasswordHasher;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.3.5: a first or reset password must be changed at first sign-in")
class Pci_8_3_5_FirstPasswordChangeTest {

  @Test
  void aNewAccountsOneTimePasswordOnlyLeadsToAPasswordChange() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      char[] oneTime = f.access.admin().create(AccessFixture.ADMIN, "ana");
      assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
      SignInOutcome outcome = f.signIn("ana", new String(oneTime), null);
      assertThat(outcome).isInstanceOf(SignInOutcome.PasswordChangeRequired.class);

      f.access
          .signIn()
          .changePassword("ana", oneTime, "tram7-violet-harbour".toCharArray(), HOME, null);
      Arrays.fill(oneTime, '\0');
      assertThat(f.signIn("ana", "tram7-violet-harbour", null))
          .isInstanceOf(SignInOutcome.MfaEnrolmentRequired.class);
    }
  }

  @Test
  void aResetPasswordMustBeChangedAgainAndEndsEverySession() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      var signedIn =
          (SignInOutcome.SignedIn)
              f.signIn(
                  "ana", "tram7-violet-harbour", AccessFixture.sixDigits(f.currentCode(secret)));
      char[] reset = f.access.admin().reset(AccessFixture.ADMIN, "ana");
      assertThat(f.signIn("ana", new String(reset), null))
          .isInstanceOf(SignInOutcome.PasswordChangeRequired.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> f.access.sessions().check(signedIn.session().token()))
          .hasMessageContaining("signed_out_everywhere");
    }
  }

  @Test
  void aSignInWithAHashOfOlderParametersRehashesItWithTodays() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "tram7-violet-harbour");
      long id = f.access.accounts().require("ana").id();
      String weak =
          new PasswordHasher(new Argon2Settings(4096, 1, 1))
              .hash("tram7-violet-harbour".toCharArray());
      f.access.accounts().replaceHash(id, weak);

      f.signIn("ana", "tram7-violet-harbour", null);

      String now = f.access.accounts().require("ana").passwordHash().orElseThrow();
      assertThat(now).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
  }
}
