package io.tabula.engine.pbx.ami;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Events:} header of a Login: {@code on} (all classes), {@code off} (none) or a comma
 * list of classes such as {@code call,system}. Asterisk sends an event only when one of its classes
 * (from {@code Privilege}, ignoring the {@code all} marker) is in the mask.
 */
final class EventMask {

  private static final String ALL = "all";

  private EventMask() {}

  static Set<String> parse(String header) {
    if (header == null || header.isBlank() || header.equalsIgnoreCase("on")) {
      return Set.of(ALL);
    }
    if (header.equalsIgnoreCase("off")) {
      return Set.of();
    }
    Set<String> classes = new HashSet<>();
    for (String c : header.split(",")) {
      classes.add(c.trim().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(classes);
  }

  static boolean accepts(Set<String> mask, AmiMessage event, VirtualAmiOptions options) {
    if (!options.honourEventMask() || mask.contains(ALL)) {
      return true;
    }
    for (String c : event.privilegeClasses()) {
      if (!c.equals(ALL) && mask.contains(c)) {
        return true;
      }
    }
    return false;
  }
}
