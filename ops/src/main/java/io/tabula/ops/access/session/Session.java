package io.tabula.ops.access.session;

/**
 * A live session: the token to hand the browser (in a Secure, HttpOnly cookie) and its account.
 * Only the token's SHA-256 is stored, so a copy of the database signs nobody in.
 */
public record Session(String token, long accountId) {

  @Override
  public String toString() {
    return "Session[account " + accountId + ", token hidden]";
  }
}
