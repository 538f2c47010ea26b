package io.tabula.ops.access.account;

import io.tabula.ops.access.role.Principal;
import io.tabula.ops.access.session.Session;

/** How a sign-in ended. Show a refused user one generic message whatever the reason. */
public sealed interface SignInOutcome {

  /** Both factors right: a session for the principal. */
  record SignedIn(Session session, Principal principal) implements SignInOutcome {}

  /** The password is right but is a first or reset one: change it now (8.3.5). */
  record PasswordChangeRequired(long accountId) implements SignInOutcome {}

  /** The password is right but no authenticator is enrolled yet: enrol, then sign in again. */
  record MfaEnrolmentRequired(long accountId) implements SignInOutcome {}

  /** Refused. */
  record Refused(Reason reason) implements SignInOutcome {}

  /** Why a sign-in was refused; for the trail and the console's logic, not for the user. */
  enum Reason {
    BAD_CREDENTIALS,
    LOCKED_OUT,
    ADDRESS_NOT_ALLOWED,
    SECOND_FACTOR_REQUIRED
  }
}
