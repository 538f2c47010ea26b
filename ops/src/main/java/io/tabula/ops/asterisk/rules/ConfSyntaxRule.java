package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.conf.ConfProblem;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code conf-syntax}: what Asterisk's config parser would complain about in the files the other
 * rules read. A file Asterisk rejects as a whole leaves its module without configuration (an AMI
 * without users, a dialplan without contexts), so that is an error. Runs after the others, over
 * every file they loaded.
 */
public final class ConfSyntaxRule implements LintRule {

  @Override
  public String id() {
    return "conf-syntax";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) {
    List<Finding> findings = new ArrayList<>();
    config
        .loaded()
        .values()
        .forEach(file -> file.problems().forEach(problem -> findings.add(finding(problem))));
    return findings;
  }

  private Finding finding(ConfProblem problem) {
    return new Finding(
        id(),
        problem.rejectsFile() ? Severity.ERROR : Severity.WARNING,
        problem.where(),
        problem.what(),
        problem.fix());
  }
}
