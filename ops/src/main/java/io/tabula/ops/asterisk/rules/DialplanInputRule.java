package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.dialplan.AppCall;
import io.tabula.ops.asterisk.dialplan.Dialplan;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code dialplan-input}: Tabula collects keys inside the AGI session, where Asterisk keeps none of
 * them. A dialplan that collects them itself ({@code Read()}, {@code ReadExten()}) puts them in a
 * channel variable: VarSet AMI events (class dialplan), the verbose log's "Executing" lines and the
 * CDR's lastdata of the next application that uses it. A dialplan that writes {@code
 * CDR(userfield)} stores whatever it is given in every CDR backend.
 */
public final class DialplanInputRule implements LintRule {

  @Override
  public String id() {
    return "dialplan-input";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<Dialplan> plan = config.dialplan();
    List<Finding> findings = new ArrayList<>();
    for (AppCall call : plan.map(Dialplan::calls).orElse(List.of())) {
      if (call.is("Read") || call.is("ReadExten")) {
        findings.add(
            new Finding(
                id(),
                Severity.ERROR,
                call.where(),
                call.app()
                    + "() collects caller keys into a channel variable: they reach AMI"
                    + " VarSet events, verbose logs and CDR lastdata",
                "collect keys in a Tabula flow step instead"));
      } else if (call.is("Set")
          && call.data().toLowerCase(Locale.ROOT).replace(" ", "").startsWith("cdr(userfield)=")) {
        findings.add(
            new Finding(
                id(),
                Severity.WARNING,
                call.where(),
                "the dialplan writes CDR(userfield), which every CDR backend stores",
                "never put caller input there; remove the Set() if it is not needed"));
      }
    }
    return findings;
  }
}
