package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import io.tabula.ops.asterisk.manager.DtmfEvents;
import io.tabula.ops.asterisk.manager.ManagerSetup;
import io.tabula.ops.asterisk.manager.ManagerUser;
import io.tabula.ops.asterisk.manager.Permissions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code manager-dtmf}: a manager user that receives DTMFBegin or DTMFEnd events gets every key a
 * caller presses, card numbers included, even while the recording is muted. AMI filtering is per
 * user, so every login counts: a wallboard or a recorder with {@code read = all} leaks as much as
 * the engine would. A user receives them when its {@code read=} grants the {@code dtmf} class (or
 * {@code all}), {@code disabledevents} does not switch them off, and its event filters let any of
 * them through; the filters are run, as Asterisk runs them, on DTMF events for every key.
 */
public final class ManagerDtmfRule implements LintRule {

  @Override
  public String id() {
    return "manager-dtmf";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<ManagerSetup> manager = config.manager();
    if (manager.isEmpty() || !manager.get().enabled()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (ManagerUser user : manager.get().users()) {
      Set<String> leaked = leaked(manager.get(), user);
      if (!leaked.isEmpty()) {
        findings.add(finding(user, leaked));
      }
    }
    return findings;
  }

  private static Set<String> leaked(ManagerSetup manager, ManagerUser user) {
    Set<String> leaked = new LinkedHashSet<>();
    if (!user.read().has(Permissions.DTMF)) {
      return leaked;
    }
    for (DtmfEvents.Event event : DtmfEvents.all()) {
      if (!manager.disabled(event.name()) && user.receives(event.name(), event.text())) {
        leaked.add(event.name());
      }
    }
    return leaked;
  }

  private Finding finding(ManagerUser user, Set<String> leaked) {
    return new Finding(
        id(),
        Severity.ERROR,
        user.readWhere(),
        "manager user ["
            + user.name()
            + "] receives "
            + String.join(" and ", leaked)
            + " events (its read= grants the dtmf class): every key a caller presses, card"
            + " numbers included, even while the recording is muted",
        "take dtmf out of read= (never 'all'; the engine needs read = call,system), or add"
            + " eventfilter(action(exclude),name(DTMFBegin)) = and"
            + " eventfilter(action(exclude),name(DTMFEnd)) = to ["
            + user.name()
            + "], or disabledevents = DTMFBegin,DTMFEnd to [general]");
  }
}
