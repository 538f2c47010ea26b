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

  private static Parsed advanced(String text, boolean excludeByBang, String pattern) {
    if (text.isEmpty() || !text.endsWith(")")) {
      return Parsed.refused("the filter options are not formatted as (option(value),...)");
    }
    Options options = new Options(excludeByBang);
    for (String option : text.split("[ ,)]+")) {
      Optional<String> refused = option.isEmpty() ? none() : options.take(option);
      if (refused.isPresent()) {
        return Parsed.refused(refused.get());
      }
    }
    if (!options.any) {
      return Parsed.refused("no action, name, header or method option");
    }
    if (options.method.equals("none") != pattern.isEmpty()) {
      return Parsed.refused("method " + options.method + " does not fit the pattern after '='");
    }
    if (options.method.equals("none") && options.name.isEmpty() && options.header.isEmpty()) {
      return Parsed.refused("no name or header option and no pattern");
    }
    return matcher(options.method, pattern)
        .map(m -> Parsed.ok(new EventFilter(options.exclude, options.name, options.header, m)))
        .orElseGet(
            () ->
                Parsed.refused(
                    "method '" + options.method + "' is unknown or its pattern does not compile"));
  }

  /** The options of an advanced filter as Asterisk's strtok_r loop collects them. */
  private static final class Options {
    boolean exclude;
    Optional<String> name = none();
    Optional<String> header = none();
    String method = "none";
    boolean any;

    Options(boolean exclude) {
      this.exclude = exclude;
    }

    /** Takes one {@code option(value)}; returns why Asterisk refuses it, if it does. */
    Optional<String> take(String option) {
      int paren = option.indexOf('(');
      String argument = paren < 0 ? "" : option.substring(paren + 1).strip();
      if (option.startsWith("action")) {
        if (!argument.equals("include") && !argument.equals("exclude")) {
          return Optional.of("action must be include or exclude");
        }
        exclude = argument.equals("exclude");
      } else if (option.startsWith("name")) {
        name = Optional.of(argument);
      } else if (option.startsWith("header")) {
        header = Optional.of(argument.endsWith(":") ? argument : argument + ":");
      } else if (option.startsWith("method")) {
        method = argument;
      } else {
        return Optional.of("unknown filter option '" + option + "'");
      }
      if (paren < 0 || argument.isEmpty()) {
        return Optional.of("option '" + option + "' needs a value in parentheses");
      }
      any = true;
      return Optional.empty();
    }
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
