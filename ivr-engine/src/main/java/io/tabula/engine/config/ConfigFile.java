package io.tabula.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The settings of an engine configuration file, each with where it is written ({@code
 * tabula.yaml:4:19}), so an error about a value points at it the way the flow and tenant validators
 * do. Nested mappings flatten to dotted keys: {@code agi: {port: 4573}} is {@code agi.port}.
 */
final class ConfigFile {

  /** A value as written, and the positions ({@code file:line:column}) of the value and its key. */
  record Located(String value, String where, String keyWhere) {}

  private ConfigFile() {}

  static Map<String, Located> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(
          file
              + ": error: cannot read the configuration file ("
              + e.getClass().getSimpleName()
              + "); fix: check the path and that this user may read it",
          e);
    }
    Map<String, Located> values = new LinkedHashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        return values;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigException(
            where(file, parser.currentTokenLocation())
                + ": error: the file is not a YAML mapping; fix: write settings such as"
                + " 'agi: {port: 4573}' (see docs/engine.md)");
      }
      readMapping(file, parser, "", values);
    } catch (JsonProcessingException e) {
      throw new ConfigException(syntaxError(file, e), e);
    } catch (IOException e) {
      throw new ConfigException(
          file + ": error: cannot read the file (" + e.getClass().getSimpleName() + ")", e);
    }
    return values;
  }

  private static void readMapping(
      Path file, JsonParser parser, String prefix, Map<String, Located> values) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix.isEmpty() ? parser.currentName() : prefix + "." + parser.currentName();
      String keyWhere = where(file, parser.currentTokenLocation());
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT) {
        readMapping(file, parser, key, values);
      } else if (value == JsonToken.START_ARRAY) {
        throw new ConfigException(
            keyWhere
                + ": error: "
                + key
                + " is a list; fix: give one value (several Asterisk hosts are one"
                + " comma-separated ami.host)");
      } else {
        String text = value == JsonToken.VALUE_NULL ? "" : parser.getText();
        values.put(key, new Located(text, where(file, parser.currentTokenLocation()), keyWhere));
      }
    }
  }

  /**
   * The YAML scanner's own problem ("found character '\t' that cannot start any token") at its own
   * mark, placed like every other error.
   */
  private static String syntaxError(Path file, JsonProcessingException e) {
    String where = where(file, e.getLocation());
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      message = marked.getProblem();
      Mark mark = marked.getProblemMark();
      if (mark != null) {
        where = file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      }
    }
    String fix =
        message.contains("TAB") || message.contains("'\\t'")
            ? "indent with spaces, not tabs"
            : "check the YAML syntax there (indentation, a missing ':' or quote)";
    return where + ": error: " + message.strip() + "; fix: " + fix;
  }

  private static String where(Path file, JsonLocation location) {
    return location == null
        ? file.toString()
        : file + ":" + location.getLineNr() + ":" + location.getColumnNr();
  }
}
