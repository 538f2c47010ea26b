package io.tabula.ops.access;

import static io.tabula.ops.access.AccessFixture.sixDigits;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.account.SignInOutcome.Reason;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.mfa.TotpEnrolment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 8.4.2: MFA (TOTP enrolled by QR code, recovery codes) for every sign-in")
class Pci_8_4_2_MfaTest {

  @Test
  void enrolmentQrCodeDecodesToTheOtpauthUriAndItsSecretSignsIn() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "tram7-violet-harbour");
      long id =
          ((SignInOutcome.MfaEnrolmentRequired) f.signIn("ana", "tram7-violet-harbour", null))
              .accountId();
      TotpEnrolment enrolment = f.access.beginMfaEnrolment(id, "198.51.100.7");

      String decoded = decodeQr(enrolment.qrPng());
      assertThat(decoded).isEqualTo(enrolment.uri());
      assertThat(decoded)
          .startsWith("otpauth://totp/Tabula:ana?secret=")
          .contains("&issuer=Tabula&algorithm=SHA1&digits=6&period=30");
      assertThat(enrolment.toString()).doesNotContain("secret");

      byte[] secret = AccessFixture.secretOf(decoded);
      assertThat(f.access.confirmMfaEnrolment(id, (f.currentCode(secret) + 1) % 1_000_000, "x"))
          .isEmpty();
      List<String> recovery = f.access.confirmMfaEnrolment(id, f.currentCode(secret), "x");
      assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

      f.clock.advance(Duration.ofSeconds(30));
      assertThat(f.signIn("ana", "tram7-violet-harbour", null))
          .isEqualTo(new SignInOutcome.Refused(Reason.SECOND_FACTOR_REQUIRED));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);
    }
  }

  @Test
  void aReplayedCodeIsRefusedEvenWithinItsThirtySeconds() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      String code = sixDigits(f.currentCode(secret));
      assertThat(f.signIn("ana", "tram7-violet-harbour", code))
          .isInstanceOf(SignInOutcome.SignedIn.class);
      f.clock.advance(Duration.ofSeconds(5));
      assertThat(f.signIn("ana", "tram7-violet-harbour", code))
          .isEqualTo(new SignInOutcome.Refused(Reason.BAD_CREDENTIALS));
      // An older step's code (still inside the drift window) is refused too.
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(f.signIn("ana", "tram7-violet-harbour", code))
          .isEqualTo(new SignInOutcome.Refused(Reason.BAD_CREDENTIALS));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);
    }
  }

  @Test
  void aRecoveryCodeWorksOnceAndIsStoredOnlyAsAHash() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createWithPassword("ana", "tram7-violet-harbour");
      long id = f.access.accounts().require("ana").id();
      TotpEnrolment enrolment = f.access.beginMfaEnrolment(id, "x");
      byte[] secret = AccessFixture.secretOf(enrolment.uri());
      List<String> recovery = f.access.confirmMfaEnrolment(id, f.currentCode(secret), "x");

      String code = recovery.get(3);
      assertThat(f.signIn("ana", "tram7-violet-harbour", code.toUpperCase()))
          .isInstanceOf(SignInOutcome.SignedIn.class);
      assertThat(f.signIn("ana", "tram7-violet-harbour", code))
          .isEqualTo(new SignInOutcome.Refused(Reason.BAD_CREDENTIALS));
      try (var c = AccessTestDatabase.superuser(f.dbSettings.database());
          var s = c.createStatement();
          var rows = s.executeQuery("select encode(code_hash, 'escape') from recovery_codes")) {
        while (rows.next()) {
          assertThat(rows.getString(1)).doesNotContain(code.replace("-", ""));
        }
      }
      assertThat(f.access.trailReader().all())
          .extracting(AuditRecord::event)
          .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.MFA_RECOVERY_CODE_USED))
          .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.MFA_ENROL));
    }
  }

  @Test
  void anAbandonedReEnrolmentLeavesTheConfirmedAuthenticatorInForce() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", "tram7-violet-harbour");
      long id = f.access.accounts().require("ana").id();
      TotpEnrolment abandoned = f.access.beginMfaEnrolment(id, "x");

      // Someone who knows only the password must not be offered an enrolment of their own.
      assertThat(f.signIn("ana", "tram7-violet-harbour", null))
          .isEqualTo(new SignInOutcome.Refused(Reason.SECOND_FACTOR_REQUIRED));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);

      // Confirming the new one switches over: the old secret stops working.
      byte[] newSecret = AccessFixture.secretOf(abandoned.uri());
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(f.access.confirmMfaEnrolment(id, f.currentCode(newSecret), "x")).hasSize(10);
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(secret))))
          .isEqualTo(new SignInOutcome.Refused(Reason.BAD_CREDENTIALS));
      assertThat(f.signIn("ana", "tram7-violet-harbour", sixDigits(f.currentCode(newSecret))))
          .isInstanceOf(SignInOutcome.SignedIn.class);
    }
  }

  static String decodeQr(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    // The PNG is the code itself, not a photo of it: read it as a pure barcode. Without the hint
    // ZXing's detector searches for the finder and alignment patterns as in a photo, and for some
    // secrets misplaces them on this perfect image (ChecksumException, seen once in CI).
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
