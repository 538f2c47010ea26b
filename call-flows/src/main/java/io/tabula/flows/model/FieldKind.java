package io.tabula.flows.model;

/**
 * What a {@code collect} gathers. Card number, expiry, CVC and PIN are secure: the recording is
 * muted while they are keyed and the flow can never speak, branch on or log them; a flow cannot
 * turn that off.
 */
public enum FieldKind {
  DIGITS(false),
  CARD(true),
  EXPIRY(true),
  CVC(true),
  PIN(true);

  private final boolean alwaysSecure;

  FieldKind(boolean alwaysSecure) {
    this.alwaysSecure = alwaysSecure;
  }

  public boolean alwaysSecure() {
    return alwaysSecure;
  }

  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
