package io.tabula.ops.access.oidc;

import io.tabula.ops.access.role.Principal;
import io.tabula.ops.access.session.Session;

/** How a single-sign-on callback ended. */
public sealed interface OidcOutcome {

  record SignedIn(Session session, Principal principal) implements OidcOutcome {}

  record Refused(Reason reason) implements OidcOutcome {}

  /** Why; for the trail and the console's logic. */
  enum Reason {
    PROVIDER_ERROR,
    STATE_MISMATCH,
    TOKEN_REFUSED,
    ID_TOKEN_INVALID,
    NO_MAPPED_GROUP,
    MFA_NOT_PROVEN,
    ADDRESS_NOT_ALLOWED
  }
}
