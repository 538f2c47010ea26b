package io.tabula.flows.store;

import java.io.IOException;

/**
 * A version exists but must not be read (its file leads outside the directory store). Engines keep
 * serving the version they have and report the reason.
 */
public final class VersionRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public VersionRefusedException(String reason) {
    super(reason);
  }
}
