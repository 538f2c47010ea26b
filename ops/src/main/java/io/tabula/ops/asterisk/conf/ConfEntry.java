package io.tabula.ops.asterisk.conf;

/**
 * One {@code name = value} (or {@code name => value}) line of a section, after Asterisk's own
 * processing: comments removed, {@code \;} unescaped, both sides trimmed, {@code +=} appended.
 *
 * @param name the name as written (Asterisk compares most names without regard to case)
 * @param value the value; may be empty
 * @param object whether it was written with {@code =>} (extensions.conf, queues.conf members)
 * @param inherited whether it came from a template the section named, not from the section itself
 * @param where the line that set it (for an inherited entry: the template's line)
 */
public record ConfEntry(
    String name, String value, boolean object, boolean inherited, ConfLocation where) {

  /** Whether this entry's name is {@code name}, ignoring case as Asterisk's modules do. */
  public boolean is(String name) {
    return this.name.equalsIgnoreCase(name);
  }

  ConfEntry inheritedCopy() {
    return new ConfEntry(name, value, object, true, where);
  }

  ConfEntry withValue(String newValue) {
    return new ConfEntry(name, newValue, object, inherited, where);
  }
}
