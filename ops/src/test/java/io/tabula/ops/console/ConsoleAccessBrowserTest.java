package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.role.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in through the access library as a person does it, in Debian's headless Chromium: a first
 * sign-in forces a password change, TOTP is enrolled by decoding the QR code from a screenshot, ten
 * failures lock the account, 15 idle minutes on the injected clock end the session, and an editor
 * is refused a publish (no button, and HTTP 403 for a crafted request). Screenshots go to {@code
 * target/console-screenshots/access-*.png}.
 */
class ConsoleAccessBrowserTest {

  @TempDir Path folder;

  private ConsoleFixture console;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    console = new ConsoleFixture(folder, List.of());
    browser = HeadlessChromium.trusting(folder, console.certificate.certificate()).start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      HeadlessChromium.screenshot(browser, "access-last");
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void firstSignInForcesAPasswordChangeThenEnrolsTotpFromTheQrCode() throws Exception {
    char[] oneTime = console.access.admin().create(ConsoleFixture.SETUP, "newcomer");
    console.access.admin().grant(ConsoleFixture.SETUP, "newcomer", "city", Role.VIEWER);

    signIn("newcomer", new String(oneTime), "");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next")));
    shot("01-change-password");
    browser.findElement(By.id("current")).sendKeys(new String(oneTime));
    browser.findElement(By.id("next")).sendKeys("newcomer-passphrase-42");
    browser.findElement(By.id("repeat")).sendKeys("newcomer-passphrase-42");
    browser.findElement(By.id("change")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(browser.findElement(By.id("notice")).getText()).contains("Password changed");

    signIn("newcomer", "newcomer-passphrase-42", "");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr")));
    shot("02-enrol");
    String uri = decodeQr(browser.findElement(By.id("qr")).getScreenshotAs(OutputType.BYTES));
    assertThat(uri).startsWith("otpauth://totp/");
    byte[] secret = AccessFixture.secretOf(uri);
    browser.findElement(By.id("code")).sendKeys(code(secret));
    browser.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
    shot("03-recovery-codes");
    assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);

    browser.findElement(By.id("signin")).click();
    console.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    signIn("newcomer", "newcomer-passphrase-42", code(secret));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    shot("04-signed-in-viewer-of-city");
    // A viewer of city sees city's flows and nothing of another tenant.
    assertThat(browser.getPageSource()).doesNotContain("/flows/utility/");
  }

  @Test
  void tenFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
    for (int i = 0; i < 10; i++) {
      signIn("viewer", "not-the-password-" + i, "123456");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    }
    signIn("viewer", new String(ConsoleFixture.password("viewer")), console.code("viewer"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    shot("05-locked-out");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(actions("viewer")).contains(AuditAction.LOCK_OUT);
  }

  @Test
  void aSessionEndsAfterFifteenIdleMinutesOnTheInjectedClock() throws Exception {
    signIn("editor", new String(ConsoleFixture.password("editor")), console.code("editor"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    console.clock.advance(Duration.ofMinutes(14));
    browser.get(console.url("/flows").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));

    console.clock.advance(Duration.ofMinutes(15));
    browser.get(console.url("/flows").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    shot("06-idle-timeout");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void anEditorSeesNoPublishButtonAndACraftedPublishGets403() throws Exception {
    signIn("editor", new String(ConsoleFixture.password("editor")), console.code("editor"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    browser.get(console.url("/flows/city/parking-ticket/publish").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-title")));
    shot("07-editor-publish-page");
    assertThat(browser.findElements(By.id("publish"))).isEmpty();

    Object status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " var csrf = document.querySelector('input[name=_csrf]').value;"
                    + " fetch('/flows/city/parking-ticket/publish', {method: 'POST',"
                    + " headers: {'X-CSRF-Token': csrf, 'Content-Type':"
                    + " 'application/x-www-form-urlencoded'}, body: 'note=sneaky'})"
                    + ".then(function (r) { done(r.status); });");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    assertThat(actions("editor")).doesNotContain(AuditAction.PUBLISH);
  }

  @Test
  void anAuditorFiltersTheTrailAndVerifiesItsChain() throws Exception {
    signIn("auditor", new String(ConsoleFixture.password("auditor")), console.code("auditor"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trail-link")));
    browser.findElement(By.id("trail-link")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trail-title")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action")))
        .selectByValue("sign-in");
    browser.findElement(By.id("verify")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
    shot("08-auditor-trail-verified");
    Axe.assertNoSeriousViolation(browser, "the trail page");

    assertThat(browser.findElement(By.id("verification")).getText()).contains("intact");
    List<String> actions =
        browser.findElements(By.cssSelector("#records tbody tr td:nth-child(4)")).stream()
            .map(org.openqa.selenium.WebElement::getText)
            .distinct()
            .toList();
    assertThat(actions).containsExactly("sign-in");
    assertThat(browser.findElements(By.cssSelector("#records td.chain")))
        .allSatisfy(cell -> assertThat(cell.getText()).startsWith("intact"));
  }

  @Test
  void anEditorSeesNoTrailLinkAndTheTrailPageRefusesThem() throws Exception {
    signIn("editor", new String(ConsoleFixture.password("editor")), console.code("editor"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    assertThat(browser.findElements(By.id("trail-link"))).isEmpty();

    browser.get(console.url("/trail").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")));
    assertThat(browser.getPageSource()).contains("auditor role").doesNotContain("trail-title");
    assertThat(actions("editor")).contains(AuditAction.ACCESS_DENIED);
  }

  @Test
  void aSignInFromOutsideTheAccountsAllowListIsRefusedSayingWhy() throws Exception {
    long id = console.access.accounts().require("viewer").id();
    console.access.accounts().setAllowedNetworks(id, List.of("192.0.2.0/24"));

    signIn("viewer", new String(ConsoleFixture.password("viewer")), console.code("viewer"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    shot("09-outside-allow-list");

    assertThat(browser.findElement(By.id("problem")).getText())
        .contains("127.0.0.1", "is not allowed for this account");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    var last = console.access.trailReader().all().getLast().event();
    assertThat(last.action()).isEqualTo(AuditAction.SIGN_IN_FAILURE);
    assertThat(last.detail()).isEqualTo("address-not-allowed");
  }

  private void signIn(String user, String password, String code) {
    browser.get(console.url("/login").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("login")).click();
  }

  private String code(byte[] secret) {
    return AccessFixture.sixDigits(
        Totp.standard().code(secret, Totp.step(console.clock.instant())));
  }

  private List<AuditAction> actions(String target) {
    return console.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.target().equals(target) || e.actor().equals(target))
        .map(e -> e.action())
        .toList();
  }

  private static String decodeQr(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }

  private void shot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, "access-" + name);
  }
}
