package io.tabula.masking.log;

/** What a finding in a log line is; auditors see this name, never the secret itself. */
public enum SecretKind {
  CARD_NUMBER("card number"),
  TRACK_1("track 1 data"),
  TRACK_2("track 2 data"),
  CVC("card security code"),
  PIN("PIN"),
  AGI_RESULT("AGI result digits"),
  DTMF_DIGIT("DTMF digit"),
  PASSWORD("password"),
  PRIVATE_KEY("private key"),
  BEARER_TOKEN("bearer token");

  private final String description;

  SecretKind(String description) {
    this.description = description;
  }

  /** A short human name, e.g. "card number". */
  public String description() {
    return description;
  }
}
