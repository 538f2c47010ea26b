package io.tabula.ops.access;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.TrailReader;
import io.tabula.ops.access.role.AccessDeniedException;
import io.tabula.ops.access.role.Permission;
import java.util.Optional;

/**
 * Two-person publishing (separation of duties, PCI DSS 7.2): where it is on, for one tenant by its
 * admins ({@link TenantAccessSettings}) or for all by {@link AccessSettings#twoPersonPublishing()},
 * whoever saved a flow's draft last may not publish it; another publisher must. Who saved last is
 * what the audit trail says: the newest successful {@code draft-save} of the flow, which the
 * console records with the target {@code <tenant>/<flow>}. The console's publish and {@code flows
 * publish --as} ask the same question, so neither is a way around the other.
 *
 * <pre>{@code
 * access.twoPersonPublishing().check("ana", "city", "parking-ticket");  // AccessDeniedException
 * }</pre>
 */
public final class TwoPersonPublishing {

  /** The reason code of the {@code access-denied} record a refusal leaves in the trail. */
  public static final String REFUSAL = "two-person-own-draft";

  private final boolean everywhere;
  private final TenantAccessSettings tenants;
  private final TrailReader trail;

  TwoPersonPublishing(boolean everywhere, TenantAccessSettings tenants, TrailReader trail) {
    this.everywhere = everywhere;
    this.tenants = tenants;
    this.trail = trail;
  }

  /**
   * Refuses when the rule is on for {@code tenant} and {@code login} saved the last draft of {@code
   * flow}; a flow no one saved a draft of in the console passes.
   */
  public void check(String login, String tenant, String flow) throws AccessDeniedException {
    Optional<String> refusal = refusal(login, tenant, flow);
    if (refusal.isPresent()) {
      throw new AccessDeniedException(login, Permission.PUBLISH, tenant, refusal.get());
    }
  }

  /**
   * What {@link #check} would refuse with, without throwing: for the console to say so in place of
   * the publish button (the check at publish stays the authority).
   */
  public Optional<String> refusal(String login, String tenant, String flow) {
    if (!everywhere && !tenants.twoPersonPublishing(tenant)) {
      return Optional.empty();
    }
    String target = tenant + "/" + flow;
    Optional<String> saver =
        trail.lastActor(AuditAction.DRAFT_SAVE, Outcome.SUCCESS, tenant, target);
    if (saver.isEmpty() || !saver.get().equals(login)) {
      return Optional.empty();
    }
    return Optional.of(
        "two-person publishing is on for "
            + tenant
            + " and you saved the last draft of "
            + target
            + "; ask another publisher of "
            + tenant
            + " to publish it");
  }
}
