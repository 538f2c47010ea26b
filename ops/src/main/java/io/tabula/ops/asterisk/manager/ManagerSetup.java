package io.tabula.ops.asterisk.manager;

import io.tabula.ops.asterisk.conf.ConfEntry;
import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfLocation;
import io.tabula.ops.asterisk.conf.ConfSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Asterisk's manager (main/manager.c, {@code __init_manager}) makes of manager.conf and
 * users.conf: whether AMI is on, whether it dumps events ({@code debug}), which events are switched
 * off for everyone ({@code disabledevents}), and the users with their classes and filters.
 *
 * @param enabled {@code [general] enabled} (off by default)
 * @param debug the {@code [general] debug = yes} line, if any
 * @param disabledEvents {@code [general] disabledevents}, split as Asterisk matches it
 * @param users every login, users.conf's first
 * @param refusedFilters filters Asterisk would refuse, with why
 */
public record ManagerSetup(
    boolean enabled,
    Optional<ConfEntry> debug,
    List<String> disabledEvents,
    List<ManagerUser> users,
    List<RefusedFilter> refusedFilters) {

  /** A filter line Asterisk would refuse. */
  public record RefusedFilter(ConfEntry entry, String reason) {}

  public static ManagerSetup of(ConfFile manager, Optional<ConfFile> usersConf) {
    Optional<ConfSection> general = manager.section("general");
    boolean enabled =
        general.flatMap(g -> g.last("enabled")).map(e -> isTrue(e.value())).orElse(false);
    Optional<ConfEntry> debug =
        general.flatMap(g -> g.last("debug")).filter(e -> isTrue(e.value()));
    List<String> disabled =
        general
            .flatMap(g -> g.last("disabledevents"))
            .map(e -> List.of(e.value().split(",", -1)))
            .orElse(List.of())
            .stream()
            .map(String::stripLeading)
            .toList();
    Map<String, Builder> users = new LinkedHashMap<>();
    usersConf.ifPresent(conf -> fromUsersConf(conf, users));
    List<RefusedFilter> refused = new ArrayList<>();
    for (ConfSection section : manager.sections()) {
      if (section.name().equalsIgnoreCase("general")) {
        continue;
      }
      Builder user =
          users.computeIfAbsent(
              section.name().toLowerCase(Locale.ROOT),
              key -> new Builder(section.name(), section.where(), Permissions.NONE));
      user.filters.clear();
      for (ConfEntry entry : section.entries()) {
        user.apply(entry, refused);
      }
    }
    return new ManagerSetup(
        enabled,
        debug,
        disabled,
        users.values().stream().map(Builder::build).toList(),
        List.copyOf(refused));
  }

  /** users.conf users with {@code hasmanager}: their read/write default to every class. */
  private static void fromUsersConf(ConfFile conf, Map<String, Builder> users) {
    Optional<ConfSection> general = conf.section("general");
    boolean everyone =
        general.flatMap(g -> g.first("hasmanager")).map(e -> isTrue(e.value())).orElse(false);
    for (ConfSection section : conf.sections()) {
      if (section.name().equalsIgnoreCase("general")) {
        continue;
      }
      boolean has = section.first("hasmanager").map(e -> isTrue(e.value())).orElse(everyone);
      if (!has) {
        continue;
      }
      Builder user = new Builder(section.name(), section.where(), new Permissions(Permissions.ALL));
      user.write = new Permissions(Permissions.ALL);
      Optional<ConfEntry> read =
          section.first("read").or(() -> general.flatMap(g -> g.first("read")));
      read.ifPresent(e -> user.setRead(e));
      Optional<ConfEntry> write =
          section.first("write").or(() -> general.flatMap(g -> g.first("write")));
      write.ifPresent(e -> user.write = Permissions.parse(e.value()));
      users.put(section.name().toLowerCase(Locale.ROOT), user);
    }
  }

  /** Asterisk's {@code ast_true()}. */
  static boolean isTrue(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "y", "t", "1", "on" -> true;
      default -> false;
    };
  }

  /** Whether {@code event} is in {@code disabledevents} (exact, case-sensitive, as Asterisk). */
  public boolean disabled(String event) {
    return disabledEvents.contains(event);
  }

  private static final class Builder {
    final String name;
    final ConfLocation where;
    ConfLocation readWhere;
    Permissions read;
    Permissions write = Permissions.NONE;
    final List<EventFilter> filters = new ArrayList<>();

    Builder(String name, ConfLocation where, Permissions read) {
      this.name = name;
      this.where = where;
      this.readWhere = where;
      this.read = read;
    }

    void setRead(ConfEntry entry) {
      read = Permissions.parse(entry.value());
      readWhere = entry.where();
    }

    void apply(ConfEntry entry, List<RefusedFilter> refused) {
      if (entry.is("read")) {
        setRead(entry);
      } else if (entry.is("write")) {
        write = Permissions.parse(entry.value());
      } else if (entry.name().startsWith("eventfilter")) {
        EventFilter.Parsed parsed = EventFilter.parse(entry);
        parsed.filter().ifPresent(filters::add);
        parsed.refused().ifPresent(r -> refused.add(new RefusedFilter(entry, r.reason())));
      }
    }

    ManagerUser build() {
      return new ManagerUser(name, where, readWhere, read, write, List.copyOf(filters));
    }
  }
}
