package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.dialplan.AppArgs;
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
 * {@code mixmonitor-scrub}: muting covers the secure steps, but a caller who keys digits early, or
 * a phone that sends its keys as audio, can still put key tones into the recording. MixMonitor's
 * third argument is a command Asterisk runs when the recording ends; it must run {@code tabula
 * recordings scrub} on the file (directly or through a script whose name says scrub) so no key tone
 * stays on disk.
 */
public final class RecordingScrubRule implements LintRule {

  /**
   * {@code tabula recordings scrub}, or a site's wrapper script around it ({@code
   * /usr/local/bin/tabula-scrub}): the word is what the rule can see.
   */
  private static final String SCRUB = "scrub";

  @Override
  public String id() {
    return "mixmonitor-scrub";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<Dialplan> plan = config.dialplan();
    List<Finding> findings = new ArrayList<>();
    for (AppCall call : plan.map(p -> p.calls("MixMonitor")).orElse(List.of())) {
      if (!plan.get().expansions(call).stream().allMatch(RecordingScrubRule::scrubs)) {
        findings.add(
            new Finding(
                id(),
                Severity.WARNING,
                call.where(),
                "MixMonitor has no post-recording scrub: key tones that reach the recording"
                    + " outside the muted steps stay on disk",
                "give MixMonitor a post-recording command (its third argument) that runs"
                    + " 'tabula recordings scrub IN OUT' on the file it wrote"));
      }
    }
    return findings;
  }

  /** Whether MixMonitor data (globals filled in) has a post-recording command that scrubs. */
  private static boolean scrubs(String data) {
    List<String> args = AppArgs.split(data);
    return args.size() >= 3 && args.get(2).toLowerCase(Locale.ROOT).contains(SCRUB);
  }
}
