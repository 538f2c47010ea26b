package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import io.tabula.ops.asterisk.manager.ManagerSetup;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code manager-debug}: {@code debug = yes} in manager.conf's {@code [general]} makes Asterisk
 * print every AMI event it examines at verbose level ("Examining AMI event"), DTMFEnd with its
 * digit included, before any user's filter applies: every verbose log channel and console keeps the
 * keys.
 */
public final class ManagerDebugRule implements LintRule {

  @Override
  public String id() {
    return "manager-debug";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<ManagerSetup> manager = config.manager();
    return manager.flatMap(ManagerSetup::debug).stream()
        .map(
            debug ->
                new Finding(
                    id(),
                    Severity.ERROR,
                    debug.where(),
                    "manager debug is on: Asterisk prints every AMI event, DTMF digits included,"
                        + " to the verbose log before any filter applies",
                    "remove the line or set debug = no"))
        .toList();
  }
}
