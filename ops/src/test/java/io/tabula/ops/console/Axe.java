package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core (its webjar) run in the page a browser test shows: no serious or critical violation. */
final class Axe {

  private static String source;

  private Axe() {}

  static void assertNoSeriousViolation(JavascriptExecutor browser, String page) throws IOException {
    Object result =
        browser.executeAsyncScript(
            source()
                + "; var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' ||"
                + " v.impact === 'critical'; }).map(function (v) { return v.id + ': ' + v.help"
                + " + ' (' + v.nodes.length + ', first: ' + v.nodes[0].target.join(' ') + ' '"
                + " + (v.nodes[0].any[0] ? v.nodes[0].any[0].message : '') + ')'; }));"
                + " });");
    assertThat((List<?>) result).as("axe-core serious violations on " + page).isEmpty();
  }

  private static synchronized String source() throws IOException {
    if (source == null) {
      try (InputStream in =
          Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
        assertThat(in).as("the axe-core webjar").isNotNull();
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return source;
  }
}
