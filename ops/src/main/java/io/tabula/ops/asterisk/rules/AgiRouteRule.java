package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.dialplan.AppCall;
import io.tabula.ops.asterisk.dialplan.Dialplan;
import io.tabula.ops.asterisk.dialplan.Variables;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code agi-route}: every {@code AGI(agi://host[:port]/<tenant>/<flow>)} (or {@code hagi://}) in
 * the dialplan must name a flow that exists. The route is read with globals and the literal
 * arguments of each {@code Gosub()} into its context filled in, and split as the engine splits
 * {@code agi_network_script}: the query dropped, then exactly {@code tenant/flow}, each 1-64 of
 * {@code A-Z a-z 0-9 _ -}. Routes that stay dynamic (a variable set at run time) are not checked.
 */
public final class AgiRouteRule implements LintRule {

  private static final Pattern URL = Pattern.compile("h?agi://[^/]*/(.*)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @Override
  public String id() {
    return "agi-route";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<Dialplan> plan = config.dialplan();
    List<Finding> findings = new ArrayList<>();
    if (plan.isEmpty()) {
      return findings;
    }
    for (AppCall call : plan.get().calls("AGI")) {
      for (String data : plan.get().expansions(call)) {
        check(call, data, flows).ifPresent(findings::add);
      }
    }
    return findings;
  }

  private Optional<Finding> check(AppCall call, String data, FlowFacts flows) {
    String url = data.split(",", 2)[0].strip();
    Matcher matcher = URL.matcher(url);
    if (!matcher.matches() || Variables.unresolved(url)) {
      return Optional.empty();
    }
    String path = matcher.group(1);
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    path = path.startsWith("/") ? path.substring(1) : path;
    String[] parts = path.split("/", -1);
    if (parts.length != 2
        || !NAME.matcher(parts[0]).matches()
        || !NAME.matcher(parts[1]).matches()) {
      return Optional.of(
          finding(
              call,
              "AGI route '" + path + "' is not <tenant>/<flow>: the engine refuses the call",
              "end the URL with /<tenant>/<flow>, one of " + flows.routes()));
    }
    if (flows.route(parts[0], parts[1]).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        finding(
            call,
            "AGI route "
                + path
                + " names no flow in "
                + flows.source()
                + ": the engine cannot run these calls",
            "route to one of " + flows.routes() + ", or publish the flow " + path));
  }

  private Finding finding(AppCall call, String what, String fix) {
    return new Finding(id(), Severity.ERROR, call.where(), what, fix);
  }
}
