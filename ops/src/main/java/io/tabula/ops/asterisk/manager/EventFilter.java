package io.tabula.ops.asterisk.manager;

import io.tabula.ops.asterisk.conf.ConfEntry;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code eventfilter} of a manager user, parsed as Asterisk 22's {@code manager_add_filter()}
 * does. Legacy: {@code eventfilter = [!]<regex>}, the regular expression searched in the whole
 * event text, {@code !} excluding. Advanced: {@code eventfilter(action(include|exclude),
 * name(<Event>),header(<Header>),method(regex|exact|starts_with|ends_with|contains|none)) =
 * [pattern]}, in any order.
 *
 * <pre>{@code
 * EventFilter.parse("eventfilter(action(exclude),name(DTMFEnd))", "") // excludes every DTMFEnd
 * }</pre>
 */
public record EventFilter(
    boolean exclude, Optional<String> eventName, Optional<String> header, Predicate<String> match) {

  /** A filter Asterisk refuses (it logs a warning and the user goes without it). */
  public record Refused(String reason) {}

  /** Either a filter or why Asterisk refuses it. */
  public record Parsed(Optional<EventFilter> filter, Optional<Refused> refused) {
    static Parsed ok(EventFilter filter) {
      return new Parsed(Optional.of(filter), Optional.empty());
    }

    static Parsed refused(String reason) {
      return new Parsed(Optional.empty(), Optional.of(new Refused(reason)));
    }
  }

  public static Parsed parse(ConfEntry entry) {
    return parse(entry.name(), entry.value());
  }

  public static Parsed parse(String criteria, String value) {
    boolean exclude = value.startsWith("!");
    String pattern = exclude ? value.substring(1) : value;
    int open = criteria.indexOf('(');
    if (open < 0) {
      if (pattern.isEmpty()) {
        return Parsed.refused("a legacy filter needs a pattern after '='");
      }
      return regex(pattern)
          .map(m -> Parsed.ok(new EventFilter(exclude, none(), none(), m)))
          .orElseGet(() -> Parsed.refused("the regular expression does not compile"));
    }
    return advanced(criteria.substring(open + 1).strip(), exclude, pattern);
  }

  private static Parsed advanced(String options, boolean excludeByBang, String pattern) {
    if (options.isEmpty() || !options.endsWith(")")) {
      return Parsed.refused("the filter options are not formatted as (option(value),...)");
    }
    boolean exclude = excludeByBang;
    Optional<String> name = none();
    Optional<String> header = none();
    String method = "none";
    boolean any = false;
    for (String option : options.split("[ ,)]+")) {
      if (option.isEmpty()) {
        continue;
      }
      int paren = option.indexOf('(');
      String argument = paren < 0 ? "" : option.substring(paren + 1).strip();
      if (option.startsWith("action")) {
        if (!argument.equals("include") && !argument.equals("exclude")) {
          return Parsed.refused("action must be include or exclude");
        }
        exclude = argument.equals("exclude");
      } else if (option.startsWith("name")) {
        name = Optional.of(argument);
      } else if (option.startsWith("header")) {
        header = Optional.of(argument.endsWith(":") ? argument : argument + ":");
      } else if (option.startsWith("method")) {
        method = argument;
      } else {
        return Parsed.refused("unknown filter option '" + option + "'");
      }
      if (paren < 0 || argument.isEmpty()) {
        return Parsed.refused("option '" + option + "' needs a value in parentheses");
      }
      any = true;
    }
    if (!any) {
      return Parsed.refused("no action, name, header or method option");
    }
    if (method.equals("none") != pattern.isEmpty()) {
      return Parsed.refused("method " + method + " does not fit the pattern after '='");
    }
    if (method.equals("none") && name.isEmpty() && header.isEmpty()) {
      return Parsed.refused("no name or header option and no pattern");
    }
    Optional<Predicate<String>> match = matcher(method, pattern);
    if (match.isEmpty()) {
      return Parsed.refused("method '" + method + "' is unknown or its pattern does not compile");
    }
    return Parsed.ok(new EventFilter(exclude, name, header, match.get()));
  }

  private static Optional<Predicate<String>> matcher(String method, String pattern) {
    return switch (method) {
      case "none" -> Optional.of(text -> true);
      case "regex" -> regex(pattern);
      case "exact" -> Optional.of(pattern::equals);
      case "starts_with" -> Optional.of(text -> text.startsWith(pattern));
      case "ends_with" -> Optional.of(text -> text.endsWith(pattern));
      case "contains" -> Optional.of(text -> text.contains(pattern));
      default -> Optional.empty();
    };
  }

  /** A POSIX extended regular expression, searched anywhere in the text as regexec() does. */
  private static Optional<Predicate<String>> regex(String posix) {
    try {
      Pattern compiled = Pattern.compile(PosixRegex.toJava(posix), Pattern.DOTALL);
      return Optional.of(text -> compiled.matcher(text).find());
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  /** Whether this filter matches an event, as Asterisk's {@code filter_cmp_fn()} decides. */
  public boolean matches(String eventName, String eventText) {
    if (this.eventName.isPresent() && !this.eventName.get().equals(eventName)) {
      return false;
    }
    if (header.isEmpty()) {
      return match.test(eventText);
    }
    for (String line : eventText.split("\r\n")) {
      if (line.startsWith(header.get())) {
        String value = line.substring(header.get().length()).stripLeading();
        if (!value.isEmpty() && match.test(value)) {
          return true;
        }
      }
    }
    return false;
  }
}
