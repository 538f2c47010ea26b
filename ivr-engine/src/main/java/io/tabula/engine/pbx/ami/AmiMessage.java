package io.tabula.engine.pbx.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message as the virtual PBX sees it: ordered {@code Key: Value} fields. Keys compare
 * case-insensitively, as Asterisk's {@code astman_get_header} does.
 *
 * <p>Example: {@code AmiMessage.of("Response", "Success").with("ActionID", id).encode()} gives
 * {@code "Response: Success\r\nActionID: 7\r\n\r\n"}.
 */
public final class AmiMessage {

  /** One header line. */
  public record Field(String key, String value) {}

  private final List<Field> fields = new ArrayList<>();

  private AmiMessage() {}

  /** A message whose first field is {@code key: value}. */
  public static AmiMessage of(String key, String value) {
    return new AmiMessage().with(key, value);
  }

  static AmiMessage empty() {
    return new AmiMessage();
  }

  /** Appends a field; returns this message. */
  public AmiMessage with(String key, String value) {
    fields.add(new Field(key, value));
    return this;
  }

  /** Appends every field of {@code other}. */
  public AmiMessage withAll(AmiMessage other) {
    fields.addAll(other.fields);
    return this;
  }

  /** The first value of {@code key}, or null. */
  public String get(String key) {
    for (Field f : fields) {
      if (f.key().equalsIgnoreCase(key)) {
        return f.value();
      }
    }
    return null;
  }

  /** The value of {@code key}, or {@code ""} when absent (Asterisk's behaviour for headers). */
  public String header(String key) {
    String value = get(key);
    return value == null ? "" : value;
  }

  public List<Field> fields() {
    return List.copyOf(fields);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The event classes of an event, from its {@code Privilege} header ({@code call,all}). */
  List<String> privilegeClasses() {
    List<String> classes = new ArrayList<>();
    for (String c : header("Privilege").split(",")) {
      if (!c.isBlank()) {
        classes.add(c.trim().toLowerCase(Locale.ROOT));
      }
    }
    return classes;
  }

  /** The wire form: CRLF after each field and a blank CRLF line at the end. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder();
    for (Field f : fields) {
      sb.append(f.key()).append(": ").append(f.value()).append("\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Names the keys only: values may be call data. */
  @Override
  public String toString() {
    return "AmiMessage" + fields.stream().map(Field::key).toList();
  }
}
