package io.tabula.ops.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the pages load their scripts from: htmx and CodeMirror 5 (the editor, with its YAML mode
 * and completion add-on) from their webjars, served by the console itself (no CDN); the console's
 * own script and style sheet from {@code console-assets/}.
 */
public record Assets(String htmx, String script, String style, String codemirror) {

  static Assets fromClasspath() {
    return new Assets(
        "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js",
        "/assets/console.js",
        "/assets/console.css",
        "/webjars/codemirror/" + webjarVersion("codemirror"));
  }

  private static String webjarVersion(String name) {
    String resource = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the "
                + name
                + " webjar is missing from the class path; rebuild the console (./mvnw -pl ops -am package)");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
