package io.tabula.engine.cli;

import io.tabula.engine.admin.AdminToken;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.RecordingMode;
import io.tabula.engine.tenant.FlowConnectorCheck;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What serve checks before it opens anything (issue #14, fail closed): every reason it must not
 * start, each naming what is missing and how to fix it. Serve prints them all and exits 2.
 *
 * <ul>
 *   <li>flows with secure input, recordings possible ({@code recording: mixmonitor}) and no AMI
 *       link to mute them: MixMonitor would record the card and CVC tones;
 *   <li>flow steps that need connectors, no {@code tenants.dir} and no {@code --demo}: callers
 *       would hear "approved" from demo data while nothing is charged;
 *   <li>an admin endpoint beyond loopback without a token, or a token file that cannot be used.
 * </ul>
 *
 * <pre>{@code
 * List<String> refusals = ServePreflight.refusals(settings, demo);
 * }</pre>
 */
final class ServePreflight {

  /** The self-test flow that collects a card number securely. */
  static final String SELFTEST_SECURE_FLOW = "selftest/echo";

  private ServePreflight() {}

  static List<String> refusals(EngineConfig settings, boolean demo) {
    List<Flow> flows = FlowConnectorCheck.configuredFlows(settings.flows());
    List<String> refusals = new ArrayList<>();
    recording(settings, flows).ifPresent(refusals::add);
    if (!settings.tenants().configured() && !demo) {
      connectors(flows).ifPresent(refusals::add);
    }
    try {
      settings.admin().requireAuthenticationBeyondLoopback();
      // Read now, so that a bad token file stops serve before the FastAGI port is bound.
      settings.admin().token().ifPresent(AdminToken::read);
    } catch (ConfigException e) {
      refusals.add(e.getMessage());
    }
    return refusals;
  }

  private static Optional<String> recording(EngineConfig settings, List<Flow> flows) {
    if (settings.ami().configured() || settings.safeguards().recording() == RecordingMode.NONE) {
      return Optional.empty();
    }
    List<String> secure = new ArrayList<>(secureFlows(flows));
    if (settings.safeguards().selftestFlows()) {
      secure.add(SELFTEST_SECURE_FLOW);
    }
    if (secure.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "flows "
            + String.join(", ", secure)
            + " collect card data or PINs, and there is no AMI link (ami.host is empty) to mute"
            + " the call's recording meanwhile: MixMonitor would record the keys (PCI DSS 3.3.1)."
            + " Set ami.host (TABULA_AMI_HOST) to every Asterisk's manager interface"
            + " (docs/asterisk-link.md), or, when no MixMonitor records the engine's calls, state"
            + " it with recording: none (TABULA_RECORDING=none)");
  }

  /** Tenant and name of each flow with a secure collect (card, expiry, CVC, PIN). */
  static List<String> secureFlows(List<Flow> flows) {
    return flows.stream()
        .filter(
            flow ->
                flow.steps().values().stream()
                    .anyMatch(step -> step instanceof Step.Collect collect && collect.secure()))
        .map(flow -> flow.tenant() + "/" + flow.name())
        .sorted()
        .toList();
  }

  private static Optional<String> connectors(List<Flow> flows) {
    List<String> missing =
        FlowConnectorCheck.findings(flows, new TenantsConfig(Path.of(""), List.of(), false));
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "tenants.dir is not set, so no tenant file defines the connectors these flow steps use:\n  "
            + String.join("\n  ", missing)
            + "\nSet tenants.dir (TABULA_TENANTS_DIR) to a folder of tenant files (docs/tenants.md,"
            + " examples in examples/tenants/), or, to try the flows on the built-in demo data"
            + " (callers hear approvals, nothing is charged), run tabula serve --demo");
  }
}
