package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.FlowPrompts;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.ops.prompts.StandInAudio;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as ops use it, in Debian's headless Chromium driven by Selenium: log in, open a flow
 * from its graph, break it and see the error marked at its line, fix it, pay a ticket on the
 * softphone, see the diff, publish, roll back. Each page is saved as a screenshot under {@code
 * target/console-screenshots/} and checked with axe-core for serious accessibility violations.
 * Chromium trusts only this test's server key ({@code --ignore-certificate-errors-spki-list}).
 */
class ConsoleBrowserTest {

  /** What an engine's admin endpoint answers (Prometheus text), for the watch page. */
  private static final String ENGINE_METRICS =
      """
      # TYPE tabula_calls_active gauge
      tabula_calls_active 2.0
      # TYPE tabula_calls_ended_total counter
      tabula_calls_ended_total{outcome="completed"} 41.0
      tabula_calls_ended_total{outcome="caller_hung_up"} 7.0
      tabula_calls_ended_total{outcome="transferred"} 3.0
      # TYPE tabula_flow_calls_active gauge
      tabula_flow_calls_active{flow="parking-ticket",tenant="city"} 1.0
      # TYPE tabula_flow_calls_started_total counter
      tabula_flow_calls_started_total{flow="parking-ticket",tenant="city"} 12.0
      # TYPE tabula_flow_calls_ended_total counter
      tabula_flow_calls_ended_total{flow="parking-ticket",outcome="paid",tenant="city"} 9.0
      tabula_flow_calls_ended_total{flow="parking-ticket",outcome="declined",tenant="city"} 2.0
      """;

  @TempDir Path folder;
  private HttpServer engine;
  private ConsoleFixture console;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    engine.createContext(
        "/metrics",
        exchange -> {
          byte[] body = ENGINE_METRICS.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    engine.start();
    console =
        new ConsoleFixture(
            folder, List.of(URI.create("http://127.0.0.1:" + engine.getAddress().getPort())));
    browser =
        HeadlessChromium.trusting(folder, console.certificate.certificate())
            .window("1400,1000")
            .withAutoplay()
            .start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stop(org.junit.jupiter.api.TestInfo test) throws IOException {
    if (browser != null) {
      // The page as it was when the test ended: for a failure, what the browser showed.
      String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
      HeadlessChromium.screenshot(browser, "last-" + name);
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
    if (engine != null) {
      engine.stop(0);
    }
  }

  /** Signs in as admin; {@code shots} saves and checks the sign-in page and the flow list. */
  private void signIn(boolean shots) throws IOException {
    browser.get(console.url("/flows").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    if (shots) {
      shot("01-login");
    }
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(new String(ConsoleFixture.password("admin")));
    browser.findElement(By.id("code")).sendKeys(console.code("admin"));
    browser.findElement(By.id("login")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    if (shots) {
      shot("02-flows");
    }
  }

  @Test
  void thePromptTableAndTheYamlAreOneText() throws Exception {
    signIn(false);
    browser.get(console.url("/flows/city/parking-ticket/edit").toString());
    WebElement editor = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("CodeMirror")));
    String shipped = editor.getDomProperty("value");
    assertThat(browser.findElement(By.id("prompt-goodbye-es")).getDomProperty("value"))
        .contains("Adiós");

    // A translation removed in the YAML: the table marks its cell, the validator its line.
    type(editor, shipped.replace("    es: \"Ese no es un número de multa válido.\"\n", ""));
    WebElement missing =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("td.missing #prompt-ticket-invalid-es")));
    assertThat(missing.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("diagnostics")).getText())
        .contains("prompt 'ticket-invalid' has no es text");
    shot("11-prompts-missing");

    // Typed into its cell: the YAML gets the line back where it was, and the check passes again.
    String words = "Ese no es un número de multa válido.";
    StandInAudio.forFlow(console.sounds, shipped);
    missing.sendKeys(words, Keys.TAB);
    wait.until(d -> codeMirrorText().contains("es: \"" + words + "\""));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("valid")));
    assertThat(codeMirrorText()).isEqualTo(shipped);
    assertThat(browser.findElements(By.cssSelector("td.missing"))).isEmpty();

    // A cell with hostile words: one quoted YAML value, shown as text, never as markup.
    WebElement goodbye = browser.findElement(By.id("prompt-goodbye-en"));
    goodbye.clear();
    goodbye.sendKeys("Bye \"now\" <img src=x onerror=alert(1)>", Keys.ENTER);
    wait.until(
        d -> codeMirrorText().contains("en: \"Bye \\\"now\\\" <img src=x onerror=alert(1)>\""));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("diagnostics"), "prompt 'goodbye' (en)"));
    assertThat(browser.findElements(By.cssSelector("#prompts img"))).isEmpty();
    assertThat(browser.findElement(By.id("prompt-goodbye-en")).getDomProperty("value"))
        .isEqualTo("Bye \"now\" <img src=x onerror=alert(1)>");
    assertThat(Files.readString(console.store.resolve("city/parking-ticket.yaml")))
        .isEqualTo(codeMirrorText());
    shot("12-prompts-edited");
  }

  @Test
  void theSoftphonePlaysEachPromptsAudioAndSaysWhichPromptLacksIt() throws Exception {
    String shipped = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    Flow flow = FlowParser.parse("p.yaml", shipped).flow().orElseThrow();
    Files.delete(
        console
            .sounds
            .resolve("en")
            .resolve(FlowPrompts.prompts(flow, "en").get("welcome").sound() + ".wav"));
    signIn(false);
    browser.get(console.url("/flows/city/parking-ticket/try").toString());
    WebElement call = wait.until(ExpectedConditions.elementToBeClickable(By.id("call")));
    call.click();
    wait.until(ExpectedConditions.stalenessOf(call));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Waiting"));

    assertThat(browser.findElement(By.cssSelector("#transcript .no-audio")).getText())
        .startsWith("no audio: prompt 'welcome' (en) has no sound file yet")
        .contains("tabula prompts render --sounds " + console.sounds);
    List<WebElement> players = browser.findElements(By.cssSelector("#transcript audio"));
    assertThat(players).isNotEmpty();
    assertThat(players.getFirst().getDomAttribute("src"))
        .matches("/flows/city/parking-ticket/try/audio/[0-9a-f]{32}/[0-9]+\\.wav");
    assertPlayable(players.getFirst(), StandInAudio.SECONDS);

    press("12345678");
    boolean coreSounds = Files.isDirectory(Path.of("/usr/share/asterisk/sounds/en/digits"));
    if (coreSounds && Files.isExecutable(Path.of("/usr/bin/sox"))) {
      // The balance, said by Asterisk's SAY NUMBER from the core sounds (GSM, decoded by sox).
      WebElement said =
          browser.findElements(By.cssSelector("#transcript li.ivr")).stream()
              .filter(li -> li.getText().contains("one two three four five six seven eight"))
              .findFirst()
              .orElseThrow();
      assertPlayable(said.findElement(By.tagName("audio")), 2.0);
    }
    shot("13-softphone-audio");
  }

  /**
   * Waits until the browser has loaded {@code player}'s audio (it fetched the WAV, with the CSP's
   * media-src allowing it, and decoded it) and checks it lasts at least {@code seconds}.
   */
  private void assertPlayable(WebElement player, double seconds) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    wait.until(
        d ->
            ((Number) js.executeScript("return arguments[0].readyState;", player)).intValue() >= 1);
    Object error =
        js.executeScript("return arguments[0].error && arguments[0].error.code;", player);
    assertThat(error).isNull();
    double duration =
        ((Number) js.executeScript("return arguments[0].duration;", player)).doubleValue();
    assertThat(duration).isGreaterThanOrEqualTo(seconds - 0.01);
  }

  private String codeMirrorText() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue();");
  }

  @Test
  void opsEditTryPublishAndRollBackAFlow() throws Exception {
    signIn(true);
    browser.findElement(By.linkText("parking-ticket")).click();
    WebElement step =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#graph a[aria-label='step ask-ticket']")));
    assertThat(browser.findElement(By.id("published")).getText()).contains("version 1");
    shot("03-flow");
    step.click();

    wait.until(ExpectedConditions.urlContains("/edit#L"));
    WebElement editor = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("CodeMirror")));
    String shipped = editor.getDomProperty("value");
    int startLine = lineOf(shipped, "start: welcome");
    type(editor, shipped.replace("start: welcome", "start: nowhere"));
    WebElement marked =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".diag-marker[data-line='" + startLine + "']")));
    assertThat(marked.getDomAttribute("title")).contains("nowhere");
    assertThat(browser.findElement(By.id("diagnostics")).getText())
        .contains("line " + startLine + ", column");
    shot("04-editor-error");
    // The publish page of a draft that does not compile: said so, no step listed as removed.
    browser.get(console.url("/flows/city/parking-ticket/publish").toString());
    assertThat(
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-invalid")))
                .getText())
        .contains("does not compile");
    assertThat(browser.findElements(By.id("changed-steps"))).isEmpty();
    assertThat(browser.findElements(By.id("publish"))).isEmpty();
    shot("04c-publish-invalid");
    browser.get(console.url("/flows/city/parking-ticket/edit").toString());
    editor = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("CodeMirror")));
    completesAKeyOfTheFlowLanguage();

    String fixed =
        shipped.replace("Welcome to the City parking", "Welcome to the City of Tabula parking");
    console.audioFor(fixed);
    type(editor, fixed);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("valid")));
    assertThat(browser.findElements(By.cssSelector(".diag-marker"))).isEmpty();
    assertThat(browser.findElement(By.id("prompt-welcome-en")).getDomProperty("value"))
        .contains("City of Tabula");
    shot("05-editor-fixed");

    browser.findElement(By.linkText("Try")).click();
    WebElement call = wait.until(ExpectedConditions.elementToBeClickable(By.id("call")));
    call.click();
    wait.until(ExpectedConditions.stalenessOf(call));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Waiting"));
    assertThat(browser.findElement(By.id("transcript")).getText()).contains("City of Tabula");
    press("12345678");
    press("1");
    press("4242424242424242#");
    press("1230");
    press("123#");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Call ended"));
    String transcript = browser.findElement(By.id("transcript")).getText();
    assertThat(browser.findElement(By.id("outcome")).getText()).contains("approved");
    assertThat(transcript).contains("****************#").doesNotContain("4242424242424242");
    shot("06-softphone");

    browser.findElement(By.linkText("Publish")).click();
    WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff")));
    assertThat(diff.getText()).contains("+    en: \"Welcome to the City of Tabula parking");
    assertThat(browser.findElement(By.id("changed-prompts")).getText())
        .contains("welcome: changed");
    shot("07-diff");
    browser.findElement(By.id("note")).sendKeys("Welcome names Tabula");
    browser.findElement(By.id("publish")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message"), "Published version 2"));
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("Welcome names Tabula", "admin");
    shot("08-published");

    browser.findElement(By.id("rollback-1")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message"), "version 3 serves the text of version 1"));
    shot("09-rolled-back");

    browser.findElement(By.linkText("Watch")).click();
    WebElement perFlow =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flow-watch")));
    // tenant, flow, in progress, calls per minute, started, then paid, declined, unknown,
    // transferred, abandoned, ...
    // (calls per minute: a dash until two scrapes are 10 s apart, then 0.0 as the counter stays)
    assertThat(perFlow.getText())
        .containsPattern("city parking-ticket 1 (\u2013|0\\.0) 12 9 2 0 0 0");
    assertThat(browser.findElements(By.cssSelector("table.watch")).getLast().getText())
        .contains("tabula_calls_active", "caller_hung_up 7", "transferred 3");
    shot("10-watch");
    Path versions = console.store.resolve(".published/city/parking-ticket");
    assertThat(Files.readString(versions.resolve("000003.yaml")))
        .isEqualTo(Files.readString(versions.resolve("000001.yaml")));
  }

  /** Ctrl-Space after "on_fa" offers on_failure, a key from the flow JSON Schema. */
  private void completesAKeyOfTheFlowLanguage() throws IOException {
    ((JavascriptExecutor) browser)
        .executeScript(
            "var cm = document.querySelector('.CodeMirror').CodeMirror;"
                + " var last = cm.lastLine(); var end = cm.getLine(last).length; cm.focus();"
                + " cm.replaceRange('\\n    on_fa', {line: last, ch: end});"
                + " cm.setCursor({line: last + 1, ch: 9});");
    browser
        .switchTo()
        .activeElement()
        .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, " "));
    WebElement hints =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("CodeMirror-hints")));
    assertThat(hints.getText()).contains("on_failure");
    shot("04b-editor-completion");
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
  }

  /** Presses each key and waits for the answer to replace the keypad (htmx swaps it in). */
  private void press(String keys) {
    for (char key : keys.toCharArray()) {
      String id = key == '#' ? "key-pound" : key == '*' ? "key-star" : "key-" + key;
      WebElement button = browser.findElement(By.id(id));
      button.click();
      wait.until(ExpectedConditions.stalenessOf(button));
    }
  }

  /** Replaces the editor's text as a paste into CodeMirror would (its change event saves it). */
  private void type(WebElement editor, String text) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", text);
  }

  private static int lineOf(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line holds " + needle);
  }

  /** Saves the page and checks it with axe-core: no serious or critical violation. */
  private void shot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, name);
    Axe.assertNoSeriousViolation(browser, name);
  }
}
