package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfLocation;
import io.tabula.ops.asterisk.conf.ConfSection;
import io.tabula.ops.asterisk.dialplan.AppCall;
import io.tabula.ops.asterisk.dialplan.Dialplan;
import io.tabula.ops.asterisk.dialplan.Variables;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code queue}: a flow that sends a caller to an agent names a queue (its {@code agent.queue} and
 * any {@code transfer.queue}); the engine hands that name back to the dialplan, which runs {@code
 * Queue()}. Each such queue must be a section of queues.conf, every literal {@code Queue()} name
 * too, and the dialplan must run {@code Queue()} at all, or the transferred caller is dropped.
 */
public final class QueueRule implements LintRule {

  @Override
  public String id() {
    return "queue";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<ConfFile> queuesConf = config.file("queues.conf");
    Set<String> defined = queuesConf.map(QueueRule::queueNames).orElse(Set.of());
    List<Finding> findings = new ArrayList<>();
    for (FlowFacts.QueueUse use : flows.queues()) {
      if (!defined.contains(use.queue().toLowerCase(Locale.ROOT))) {
        findings.add(missing(use, defined));
      }
    }
    Optional<Dialplan> plan = config.dialplan();
    List<AppCall> queueCalls = plan.map(p -> p.calls("Queue")).orElse(List.of());
    for (AppCall call : queueCalls) {
      for (String data : plan.get().expansions(call)) {
        String name = data.split(",", 2)[0].strip();
        if (!Variables.unresolved(name) && !defined.contains(name.toLowerCase(Locale.ROOT))) {
          findings.add(
              new Finding(
                  id(),
                  Severity.ERROR,
                  call.where(),
                  "Queue(" + name + ") names a queue queues.conf does not define",
                  "add [" + name + "] to queues.conf or fix the name"));
        }
      }
    }
    noQueueApplication(plan, queueCalls, flows).ifPresent(findings::add);
    return findings;
  }

  /** A flow's queue that queues.conf lacks, reported where the flow names it. */
  private Finding missing(FlowFacts.QueueUse use, Set<String> defined) {
    return new Finding(
        id(),
        Severity.ERROR,
        new ConfLocation(Path.of(use.where().file()), use.where().line(), use.where().column()),
        "flow "
            + use.flow()
            + " transfers callers to queue '"
            + use.queue()
            + "', which queues.conf does not define: those callers reach no agent",
        "add a ["
            + use.queue()
            + "] section with its members to queues.conf, or name one of its queues "
            + defined);
  }

  private Optional<Finding> noQueueApplication(
      Optional<Dialplan> plan, List<AppCall> queueCalls, FlowFacts flows) {
    if (plan.isEmpty() || !queueCalls.isEmpty() || flows.queues().isEmpty()) {
      return Optional.empty();
    }
    return plan.get().calls("AGI").stream()
        .findFirst()
        .map(
            agi ->
                new Finding(
                    id(),
                    Severity.ERROR,
                    agi.where(),
                    "flows transfer callers to agents but the dialplan never runs Queue(): a"
                        + " transferred caller is hung up on",
                    "after AGI(), run Queue(${TABULA_TRANSFER}) when TABULA_TRANSFER is set"));
  }

  private static Set<String> queueNames(ConfFile conf) {
    return conf.sections().stream()
        .map(ConfSection::name)
        .filter(name -> !name.equalsIgnoreCase("general"))
        .map(name -> name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
