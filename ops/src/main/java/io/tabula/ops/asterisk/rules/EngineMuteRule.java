package io.tabula.ops.asterisk.rules;

import io.tabula.flows.model.SourcePos;
import io.tabula.ops.asterisk.dialplan.AppCall;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import io.tabula.ops.asterisk.manager.ManagerSetup;
import io.tabula.ops.asterisk.manager.Permissions;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code mixmonitor-mute}: when the dialplan records calls with MixMonitor and a flow collects
 * secure input, the engine must be able to mute the recording through AMI: manager.conf must have
 * AMI enabled and a user whose {@code write=} grants {@code call} or {@code system} (the classes
 * MixMonitorMute is registered with). Without one the engine cannot mute, and fails the secure step
 * closed: callers can never pay.
 */
public final class EngineMuteRule implements LintRule {

  @Override
  public String id() {
    return "mixmonitor-mute";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<SourcePos> secure = flows.firstSecureInput();
    Optional<AppCall> recording =
        config.dialplan().flatMap(plan -> plan.calls("MixMonitor").stream().findFirst());
    if (secure.isEmpty() || recording.isEmpty() || canMute(config.manager())) {
      return List.of();
    }
    return List.of(
        new Finding(
            id(),
            Severity.ERROR,
            recording.get().where(),
            "calls are recorded and flows collect card data ("
                + secure.get()
                + "), but no enabled manager user may send MixMonitorMute: the engine cannot"
                + " mute the recording, so it does not start the card steps and callers cannot pay",
            "in manager.conf set enabled = yes and give the engine's user write = call"));
  }

  private static boolean canMute(Optional<ManagerSetup> manager) {
    return manager.isPresent()
        && manager.get().enabled()
        && manager.get().users().stream()
            .anyMatch(user -> user.write().has(Permissions.CALL | Permissions.SYSTEM));
  }
}
