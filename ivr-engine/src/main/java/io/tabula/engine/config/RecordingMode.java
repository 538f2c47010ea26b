package io.tabula.engine.config;

import java.util.Locale;

/**
 * Whether the engine's calls may be recorded, set by {@code recording}. It decides whether secure
 * input needs a recording mute: card digits and PINs keyed while MixMonitor records would be kept
 * as tones in the recording (PCI DSS 3.3.1).
 */
public enum RecordingMode {
  /**
   * The default: Asterisk may record the engine's calls with MixMonitor, so every secure collect
   * needs the call's recording muted through an AMI link; without one serve does not start.
   */
  MIXMONITOR,
  /**
   * The operator states that no MixMonitor runs on the engine's calls: there is nothing to mute, so
   * secure input needs no AMI link. Serve logs this at start-up.
   */
  NONE;

  /** The spelling in {@code tabula.yaml}: {@code mixmonitor} or {@code none}. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RecordingMode parse(String value) {
    for (RecordingMode mode : values()) {
      if (mode.spelling().equals(value)) {
        return mode;
      }
    }
    throw new ConfigException(
        "recording must be mixmonitor (calls may be recorded; secure input is muted through AMI)"
            + " or none (no MixMonitor on the engine's calls), was '"
            + value
            + "'; see docs/engine.md");
  }
}
