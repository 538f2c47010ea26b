package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.password.Argon2Settings;
import io.tabula.ops.access.password.CommonPasswords;
import io.tabula.ops.access.password.PasswordHasher;
import io.tabula.ops.access.password.PasswordPolicy;
import io.tabula.ops.access.password.PasswordRejectedException;
import io.tabula.ops.access.password.PasswordRejectedException.Reason;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName(
    "PCI DSS 8.3.6: passwords of at least 12 characters with letters and digits, not common")
class Pci_8_3_6_PasswordStrengthTest {

  private static final PasswordHasher HASHER = new PasswordHasher(Argon2Settings.OWASP);
  private static final PasswordPolicy POLICY =
      new PasswordPolicy(CommonPasswords.shipped(), HASHER);

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource({
    "short1,TOO_SHORT",
    "abcdefghij1,TOO_SHORT",
    "abcdefghijklmnop,NEEDS_LETTERS_AND_DIGITS",
    "123456789012345,NEEDS_LETTERS_AND_DIGITS",
    "password1234,TOO_COMMON",
    "Password1234,TOO_COMMON",
    "QWERTY123456,TOO_COMMON",
    "1qaz2wsx3edc,TOO_COMMON"
  })
  void refused(String candidate, Reason reason) {
    assertThatThrownBy(() -> POLICY.check(candidate.toCharArray(), List.of()))
        .isInstanceOf(PasswordRejectedException.class)
        .satisfies(e -> assertThat(((PasswordRejectedException) e).reason()).isEqualTo(reason))
        .hasMessageNotContaining(candidate);
  }

  @Test
  void aLongUncommonPasswordWithLettersAndDigitsIsAccepted() throws Exception {
    POLICY.check("tram7-violet-harbour".toCharArray(), List.of());
    POLICY.check("abcdefghijk1".toCharArray(), List.of());
  }

  @Test
  void theShippedListHoldsTheCommonPasswordsThePolicyWouldOtherwiseAccept() {
    CommonPasswords list = CommonPasswords.shipped();
    assertThat(list.size()).isGreaterThan(25_000);
    assertThat(list.contains("Qwerty123456".toCharArray())).isTrue();
    assertThat(list.contains("tram7-violet-harbour".toCharArray())).isFalse();
  }

  @Test
  void aHashIsArgon2idWithItsParametersInPhcFormat() {
    String hash = HASHER.hash("tram7-violet-harbour".toCharArray());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(HASHER.matches("tram7-violet-harbour".toCharArray(), hash)).isTrue();
    assertThat(HASHER.matches("tram7-violet-harbouR".toCharArray(), hash)).isFalse();
    assertThat(HASHER.hash("tram7-violet-harbour".toCharArray())).isNotEqualTo(hash);
  }

  @Test
  void aHashWithWeakerParametersNeedsARehash() {
    String old = new PasswordHasher(new Argon2Settings(4096, 1, 1)).hash("x1".toCharArray());
    assertThat(HASHER.needsRehash(old)).isTrue();
    assertThat(HASHER.matches("x1".toCharArray(), old)).isTrue();
    assertThat(HASHER.needsRehash(HASHER.hash("x1".toCharArray()))).isFalse();
  }
}
