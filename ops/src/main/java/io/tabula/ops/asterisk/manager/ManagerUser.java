package io.tabula.ops.asterisk.manager;

import io.tabula.ops.asterisk.conf.ConfLocation;
import java.util.List;

/**
 * A manager (AMI) login as Asterisk ends up with after reading users.conf and manager.conf.
 *
 * @param name the login name
 * @param where the line that defines the user (its section header)
 * @param readWhere the {@code read=} line in effect, or {@link #where} when there is none
 * @param read the event classes the user receives
 * @param write the action classes the user may run
 * @param filters the event filters in effect (Asterisk keeps those of the user's last section)
 */
public record ManagerUser(
    String name,
    ConfLocation where,
    ConfLocation readWhere,
    Permissions read,
    Permissions write,
    List<EventFilter> filters) {

  /** Whether Asterisk would send this user an event, as its {@code should_send_event()} does. */
  public boolean receives(String eventName, String eventText) {
    List<EventFilter> includes = filters.stream().filter(f -> !f.exclude()).toList();
    List<EventFilter> excludes = filters.stream().filter(EventFilter::exclude).toList();
    boolean included =
        includes.isEmpty() || includes.stream().anyMatch(f -> f.matches(eventName, eventText));
    return included && excludes.stream().noneMatch(f -> f.matches(eventName, eventText));
  }
}
