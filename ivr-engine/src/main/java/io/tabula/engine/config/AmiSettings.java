package io.tabula.engine.config;

/**
 * The Asterisk whose recordings the engine mutes during secure input.
 *
 * @param host AMI host; empty when the engine has no AMI link (recordings are then not muted)
 * @param port AMI port
 * @param username the engine's AMI user
 * @param secretFile file holding the secret; empty reads {@code TABULA_AMI_SECRET}
 */
public record AmiSettings(String host, int port, String username, String secretFile) {

  public AmiSettings {
    host = host == null ? "" : host.trim();
    secretFile = secretFile == null ? "" : secretFile.trim();
    if (port < 1 || port > 65_535) {
      throw new ConfigException("ami.port must be 1..65535");
    }
  }

  public boolean configured() {
    return !host.isEmpty();
  }
}
