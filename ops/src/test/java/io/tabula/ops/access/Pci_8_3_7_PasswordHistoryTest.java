package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.password.PasswordRejectedException;
import io.tabula.ops.access.password.PasswordRejectedException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.3.7: a new password is none of the last four")
class Pci_8_3_7_PasswordHistoryTest {

  @Test
  void noneOfTheLastFourPasswordsMayComeBackButTheFifthMay() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "first-pass-0001");
      String[] next = {"second-pass-0002", "third-pass-0003", "fourth-pass-0004"};
      String current = "first-pass-0001";
      for (String password : next) {
        f.access
            .signIn()
            .changePassword("ana", current.toCharArray(), password.toCharArray(), HOME, null);
        current = password;
      }
      // The last four: first, second, third, fourth (current).
      for (String old : new String[] {"first-pass-0001", "second-pass-0002", "fourth-pass-0004"}) {
        String from = current;
        assertThatThrownBy(
                () ->
                    f.access
                        .signIn()
                        .changePassword("ana", from.toCharArray(), old.toCharArray(), HOME, null))
            .isInstanceOf(PasswordRejectedException.class)
            .extracting(e -> ((PasswordRejectedException) e).reason())
            .isEqualTo(Reason.RECENTLY_USED);
      }
      f.access
          .signIn()
          .changePassword(
              "ana", current.toCharArray(), "fifth-pass-0005".toCharArray(), HOME, null);
      // Now "first" is the fifth most recent and may be used again.
      f.access
          .signIn()
          .changePassword(
              "ana", "fifth-pass-0005".toCharArray(), "first-pass-0001".toCharArray(), HOME, null);
      assertThat(f.access.accounts().require("ana").mustChangePassword()).isFalse();
    }
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "first-pass-0001");
      assertThatThrownBy(
              () ->
                  f.access
                      .signIn()
                      .changePassword(
                          "ana",
                          "wrong-pass-0000".toCharArray(),
                          "other-pass-0009".toCharArray(),
                          HOME,
                          null))
          .extracting(e -> ((PasswordRejectedException) e).reason())
          .isEqualTo(Reason.WRONG_CURRENT_PASSWORD);
      assertThat(f.access.accounts().require("ana").failedAttempts()).isEqualTo(1);
    }
  }
}
