package io.tabula.ops.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium, for the console's browser tests. It trusts only
 * the certificates the test names ({@code --ignore-certificate-errors-spki-list}: the test's own CA
 * never enters a trust store), keeps its profile in the test's folder, and saves screenshots under
 * {@code target/console-screenshots/}.
 *
 * <pre>{@code
 * HeadlessChromium.assumeInstalled();
 * ChromeDriver browser = HeadlessChromium.trusting(folder, console.certificate.certificate()).start();
 * HeadlessChromium.screenshot(browser, "access-01-change-password");
 * }</pre>
 *
 * @param window the window size, as Chromium takes it ({@code 1400,1000})
 * @param autoplay whether pages may play sound without a click (the softphone plays each prompt as
 *     it comes; a person's click on Call allows that, a driven browser needs the policy)
 * @param networkLog whether Chromium keeps its network log, for tests that check what was sent
 */
record HeadlessChromium(
    Path folder,
    List<X509Certificate> trusted,
    String window,
    boolean autoplay,
    boolean networkLog) {

  static final Path SHOTS = Path.of("target/console-screenshots");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Skips the test, saying why, where Chromium or its driver is not installed. */
  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
            + " .ci/run installs them");
  }

  /** A 1200x1000 window trusting only {@code certificates}, its profile in {@code folder}. */
  static HeadlessChromium trusting(Path folder, X509Certificate... certificates) {
    return new HeadlessChromium(folder, List.of(certificates), "1200,1000", false, false);
  }

  HeadlessChromium window(String size) {
    return new HeadlessChromium(folder, trusted, size, autoplay, networkLog);
  }

  HeadlessChromium withAutoplay() {
    return new HeadlessChromium(folder, trusted, window, true, networkLog);
  }

  HeadlessChromium withNetworkLog() {
    return new HeadlessChromium(folder, trusted, window, autoplay, true);
  }

  /** Starts Chromium and its driver (the caller quits it). */
  ChromeDriver start() throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + window,
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium-profile")),
                "--ignore-certificate-errors-spki-list="
                    + String.join(",", trusted.stream().map(HeadlessChromium::spki).toList())));
    if (autoplay) {
      arguments.add("--autoplay-policy=no-user-gesture-required");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(arguments);
    if (networkLog) {
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.PERFORMANCE, Level.ALL);
      options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Saves what {@code browser} shows as {@code target/console-screenshots/<name>.png}. */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** The SHA-256 of the certificate's public key, base64: how Chromium names a key to trust. */
  private static String spki(X509Certificate certificate) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
