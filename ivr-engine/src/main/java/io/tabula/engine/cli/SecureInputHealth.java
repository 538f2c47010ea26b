package io.tabula.engine.cli;

import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.Capability;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.ami.AmiLinkHealth;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.ami.NoLinkRecordingControl;
import io.tabula.engine.ami.RecordingControl;
import java.util.Optional;

/**
 * The health lines of serve's {@link Capability#SECURE_INPUT}: one per AMI link ({@code
 * ami.<name>}, DOWN while that Asterisk's calls cannot start a secure step), or one line saying
 * that no link is configured. A link that is down takes away secure input on that Asterisk's calls
 * only; the engine stays serving (DEGRADED), because calls without card entry still work.
 */
final class SecureInputHealth {

  private SecureInputHealth() {}

  static void register(AdminServer admin, Optional<AmiLinks> ami, RecordingControl recording) {
    if (ami.isPresent()) {
      ami.get().health().forEach(link -> admin.register(linkCheck(ami.get(), link)));
    } else if (recording instanceof NoLinkRecordingControl) {
      admin.register(
          HealthCheck.of(
              "ami",
              Capability.SECURE_INPUT,
              () ->
                  HealthStatus.down(
                      "no AMI link is configured (ami.host is empty): recordings cannot be muted,"
                          + " so no secure step starts; set ami.host, or recording: none")));
    }
  }

  private static HealthCheck linkCheck(AmiLinks links, AmiLinkHealth first) {
    String name = first.asterisk();
    return HealthCheck.of(
        "ami." + name,
        Capability.SECURE_INPUT,
        () -> {
          AmiLinkHealth now =
              links.health().stream()
                  .filter(h -> h.asterisk().equals(name))
                  .findFirst()
                  .orElse(first);
          String detail =
              now.state().name().toLowerCase(java.util.Locale.ROOT) + " since " + now.since();
          return now.healthy()
              ? HealthStatus.up(detail)
              : HealthStatus.down(
                  detail
                      + "; secure input cannot start on calls from this Asterisk; last failure: "
                      + now.lastFailure());
        });
  }
}
