package io.tabula.ops.asterisk.lint;

import java.io.IOException;
import java.util.List;

/**
 * One check of an Asterisk configuration. Each rule is its own small class with an id that findings
 * carry and docker/README.md explains.
 */
public interface LintRule {

  /** The id findings carry, such as {@code logger-dtmf}. */
  String id();

  /** The findings for this configuration and these flows; empty when all is well. */
  List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException;
}
