package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.journal.DemoJournal;
import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.journal.JournalAccessFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journal page in Debian's headless Chromium: a rep finds a real journaled call by its account
 * number (sealed values masked), gives a reason and their tenant's key file, and the browser opens
 * the sealed ticket and account with WebCrypto. Every request the browser sent (Chromium's own
 * network log) is checked: no key file, no key password, no clear ticket ever left the page, and
 * the request with its reason is in the audit trail. Also: an auditor sees the count and the trail
 * but is refused a search; a rep of another tenant is refused this one; with the trail unwritable
 * the sealed values are not sent; and the page's HPKE matches RFC 9180's A.1 vector byte for byte.
 * Screenshots under {@code target/console-screenshots/journal-*}, each checked with axe-core.
 */
class ConsoleJournalBrowserTest {

  @TempDir static Path journalHome;
  private static JournalRuntime.Opened opened;
  private static ConsoleJournal journal;
  private static Path keyFile;

  @TempDir Path folder;
  private ConsoleFixture console;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void journalOneCall() throws Exception {
    HeadlessChromium.assumeInstalled();
    // As root the embedded server runs as nobody, who must pass through the test's folder.
    Files.setPosixFilePermissions(journalHome, PosixFilePermissions.fromString("rwx--x--x"));
    System.setProperty(DemoJournalHome.PROPERTY, journalHome.toString());
    Path config = DemoJournal.ensure();
    keyFile = config.resolveSibling("keys").resolve("city.journal-key.pem");
    JournalAccessFixture.journalOneCall(config);
    JournalConfig read = JournalConfig.read(config);
    opened = JournalRuntime.open(read);
    journal = new ConsoleJournal(read, opened.database());
  }

  @AfterAll
  static void closeJournal() {
    if (opened != null) {
      opened.close();
    }
    System.clearProperty(DemoJournalHome.PROPERTY);
  }

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(folder, List.of(), Optional.of(journal));
    console.createEnrolled("rep");
    console.access.admin().grant(ConsoleFixture.SETUP, "rep", "city", Role.REP);
    console.createEnrolled("utility-rep");
    console.access.admin().grant(ConsoleFixture.SETUP, "utility-rep", "utility", Role.REP);
    // the fixture's own "auditor" holds the auditor role on city (and utility)
    browser =
        HeadlessChromium.trusting(folder, console.certificate.certificate())
            .window("1400,1000")
            .withNetworkLog()
            .start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      HeadlessChromium.screenshot(browser, "journal-last");
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aRepReIdentifiesInTheBrowserAndNeitherKeyNorClearValueReachesTheServer() throws Exception {
    signIn("rep");
    search("city", "account", JournalAccessFixture.ACCOUNT);
    assertThat(browser.findElement(By.cssSelector("td[data-field='ticket']")).getText())
        .startsWith("********");
    assertThat(browser.findElement(By.id("results")).getText())
        .contains("approved", "USD 45.00")
        .doesNotContain(JournalAccessFixture.TICKET);
    shot("journal-01-masked");

    browser.findElement(By.id("reason")).sendKeys("ticket 4711: says paid");
    browser.findElement(By.id("key-file")).sendKeys(keyFile.toAbsolutePath().toString());
    browser.findElement(By.id("key-password")).sendKeys("not-the-password");
    browser.findElement(By.id("reidentify")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("reidentify-status"), "the password does not open this key file"));
    List<String> sent = new ArrayList<>(requestsSent());
    assertThat(sent).noneMatch(r -> r.contains("/journal/reidentify"));
    assertThat(trailOf(AuditAction.JOURNAL_REIDENTIFY)).isEmpty();

    browser.findElement(By.id("key-password")).clear();
    browser.findElement(By.id("key-password")).sendKeys(DemoJournal.PASSWORD);
    browser.findElement(By.id("reidentify")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("td[data-field='ticket']"), JournalAccessFixture.TICKET));
    assertThat(browser.findElement(By.cssSelector("td[data-field='account']")).getText())
        .isEqualTo(JournalAccessFixture.ACCOUNT);
    assertThat(browser.findElement(By.id("reidentify-status")).getText())
        .contains("2 value(s) opened in this browser");
    assertThat(browser.findElement(By.id("key-password")).getDomProperty("value")).isEmpty();
    shot("journal-02-opened");

    sent.addAll(requestsSent());
    assertThat(sent).anyMatch(r -> r.contains("/journal/reidentify"));
    String pem = Files.readString(keyFile);
    String keyBody = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    for (String request : sent) {
      assertThat(request)
          .doesNotContain(JournalAccessFixture.TICKET)
          .doesNotContain(DemoJournal.PASSWORD)
          .doesNotContain(keyBody)
          .doesNotContain("PRIVATE KEY")
          .doesNotContain("multipart/form-data");
    }

    List<AuditEvent> reidentified = trailOf(AuditAction.JOURNAL_REIDENTIFY);
    assertThat(reidentified).hasSize(1);
    assertThat(reidentified.getFirst().actor()).isEqualTo("rep");
    assertThat(reidentified.getFirst().tenant()).isEqualTo("city");
    assertThat(reidentified.getFirst().detail())
        .isEqualTo("1 record(s); reason: ticket 4711: says paid");
    assertThat(reidentified.getFirst().target())
        .isEqualTo(
            "journal/account: "
                + browser
                    .findElement(By.cssSelector("table.journal-record"))
                    .getDomAttribute("data-record"));
  }

  @Test
  void withTheTrailUnwritableTheSealedValuesAreNotSent() throws Exception {
    signIn("rep");
    search("city", "account", JournalAccessFixture.ACCOUNT);
    browser.findElement(By.id("reason")).sendKeys("ticket 4712");
    browser.findElement(By.id("key-file")).sendKeys(keyFile.toAbsolutePath().toString());
    browser.findElement(By.id("key-password")).sendKeys(DemoJournal.PASSWORD);
    String database;
    String role;
    try (Connection own = console.database.dataSource().getConnection();
        Statement s = own.createStatement();
        var row = s.executeQuery("select current_database(), current_user")) {
      row.next();
      database = row.getString(1);
      role = row.getString(2);
    }
    try (Connection superuser = AccessTestDatabase.superuser(database);
        Statement s = superuser.createStatement()) {
      s.execute("revoke insert on audit_trail from " + role);
      try {
        browser.findElement(By.id("reidentify")).click();
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("reidentify-status"), "could not be recorded in the audit trail"));
      } finally {
        s.execute("grant insert on audit_trail to " + role);
      }
    }
    assertThat(browser.findElement(By.cssSelector("td[data-field='ticket']")).getText())
        .startsWith("********");
    shot("journal-03-trail-down");
  }

  @Test
  void anAuditorSeesCountsAndTheTrailButIsRefusedASearch() throws Exception {
    signIn("auditor");
    browser.get(console.url("/journal").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-city")));
    assertThat(browser.findElement(By.id("audit-city")).getText()).contains("city: 1 record(s)");
    assertThat(browser.findElements(By.id("search-form"))).isEmpty();
    assertThat(
            post(
                "/journal/search",
                "tenant=city&field=account&value=" + JournalAccessFixture.ACCOUNT))
        .startsWith("403");
    shot("journal-04-auditor");
  }

  @Test
  void aRepOfAnotherTenantSeesNothingOfThisOne() throws Exception {
    signIn("utility-rep");
    browser.get(console.url("/journal").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
    assertThat(new Select(browser.findElement(By.id("tenant"))).getOptions())
        .extracting(o -> o.getText())
        .containsExactly("utility");
    String refused =
        post("/journal/search", "tenant=city&field=account&value=" + JournalAccessFixture.ACCOUNT);
    assertThat(refused).startsWith("403").doesNotContain("parking-ticket");
  }

  @Test
  void thePagesHpkeOpensRfc9180VectorA1ByteForByte() throws Exception {
    signIn("rep");
    browser.get(console.url("/journal").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
    // RFC 9180 A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode, sequence 0.
    Object plaintext =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const h = (s) => Uint8Array.from(s.match(/../g), (b) => parseInt(b, 16));"
                    + " const J = window.TabulaJournal;"
                    + " const pkR = h('3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d');"
                    + " J.privateKeyFromRaw(h('4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8'), pkR)"
                    + "  .then((sk) => J.openBase(1, sk, pkR,"
                    + "    h('37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431'),"
                    + "    h('4f6465206f6e2061204772656369616e2055726e'), h('436f756e742d30'),"
                    + "    h('f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a')))"
                    + "  .then((pt) => done(Array.from(pt, (b) => b.toString(16).padStart(2, '0')).join('')))"
                    + "  .catch((e) => done('error: ' + e));");
    assertThat(plaintext).isEqualTo("4265617574792069732074727574682c20747275746820626561757479");
  }

  private List<AuditEvent> trailOf(AuditAction action) {
    return console.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.action() == action)
        .toList();
  }

  private void signIn(String user) {
    browser.get(console.url("/journal").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(new String(ConsoleFixture.password(user)));
    browser.findElement(By.id("code")).sendKeys(console.code(user));
    browser.findElement(By.id("login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("logout")));
  }

  private void search(String tenant, String field, String value) {
    browser.get(console.url("/journal").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
    new Select(browser.findElement(By.id("tenant"))).selectByVisibleText(tenant);
    new Select(browser.findElement(By.id("field"))).selectByValue(field);
    browser.findElement(By.id("value")).sendKeys(value);
    browser.findElement(By.id("search")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
  }

  /** A POST from the signed-in page (with its CSRF token): "status body". */
  private String post(String path, String form) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {method: 'POST', credentials: 'same-origin', headers:"
                    + " {'X-CSRF-Token': document.querySelector(\"meta[name='csrf-token']\").content,"
                    + " 'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1]})"
                    + " .then((r) => r.text().then((t) => done(r.status + ' ' + t)));",
                path,
                form);
  }

  /** Every request this browser sent, as Chromium's network log saw it (URL, headers, body). */
  private List<String> requestsSent() {
    List<String> sent = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      String message = entry.getMessage();
      if (message.contains("\"Network.requestWillBeSent\"")
          || message.contains("\"Network.requestWillBeSentExtraInfo\"")) {
        sent.add(message);
      }
    }
    return sent;
  }

  /** Saves the page and checks it with axe-core: no serious or critical violation. */
  private void shot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, name);
    Axe.assertNoSeriousViolation(browser, name);
  }
}
