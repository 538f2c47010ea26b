package io.tabula.engine.config;

import java.util.List;

/**
 * The Asterisks whose recordings the engine mutes during secure input.
 *
 * @param host AMI host, or a comma-separated list of {@code host[:port]} (see {@link AmiTarget});
 *     empty when the engine has no AMI link (recordings are then not muted)
 * @param port AMI port
 * @param username the engine's AMI user
 * @param secretFile file holding the secret; empty reads {@code TABULA_AMI_SECRET}; {@code {host}}
 *     in it is replaced per Asterisk
 */
public record AmiSettings(String host, int port, String username, String secretFile) {

  public AmiSettings {
    host = host == null ? "" : host.trim();
    secretFile = secretFile == null ? "" : secretFile.trim();
    if (port < 1 || port > 65_535) {
      throw new ConfigException("ami.port must be 1..65535");
    }
    AmiTarget.parse(host, port);
  }

  /** Every Asterisk to keep a link to, in the order of {@code ami.host}. */
  public List<AmiTarget> targets() {
    return AmiTarget.parse(host, port);
  }

  public boolean configured() {
    return !targets().isEmpty();
  }
}
