package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import io.tabula.ops.asterisk.manager.ManagerSetup;
import java.io.IOException;
import java.util.List;

/**
 * {@code manager-filter}: an {@code eventfilter} line Asterisk refuses (a malformed advanced
 * filter, an empty legacy one, a regular expression that does not compile) is dropped with a
 * warning in Asterisk's log, so the user it was meant to protect receives what it should have
 * excluded.
 */
public final class ManagerFilterRule implements LintRule {

  @Override
  public String id() {
    return "manager-filter";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    return config.manager().map(ManagerSetup::refusedFilters).orElse(List.of()).stream()
        .map(
            refused ->
                new Finding(
                    id(),
                    Severity.WARNING,
                    refused.entry().where(),
                    "Asterisk refuses this event filter ("
                        + refused.reason()
                        + "), so it filters nothing",
                    "write it as eventfilter(action(exclude),name(DTMFEnd)) = or as"
                        + " eventfilter = !Event: DTMF*"))
        .toList();
  }
}
