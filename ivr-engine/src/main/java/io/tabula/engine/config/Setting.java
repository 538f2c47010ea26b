package io.tabula.engine.config;

import io.tabula.engine.server.guard.GuardConfig;
import java.util.List;
import java.util.Locale;

/**
 * One engine setting: its YAML key, default and meaning. The environment variable is derived from
 * the key: {@code agi.maxLineBytes} is {@code TABULA_AGI_MAX_LINE_BYTES}.
 */
public record Setting(String key, String defaultValue, String description) {

  /** Every setting, in the order docs/engine.md lists them. */
  public static final List<Setting> ALL =
      List.of(
          new Setting("agi.address", "127.0.0.1", "address the FastAGI server binds to"),
          new Setting("agi.port", "4573", "FastAGI port"),
          new Setting(
              "agi.transport",
              "auto",
              "auto (io_uring where available, else epoll if its native jar was added, else nio),"
                  + " io_uring, epoll or nio"),
          new Setting("agi.ioThreads", "0", "Netty event-loop threads; 0 means one per CPU core"),
          new Setting("agi.maxLineBytes", "8192", "longest line Asterisk may send"),
          new Setting("agi.maxHeaderBytes", "16384", "largest agi_* header block"),
          new Setting(
              "agi.headerTimeout", "5s", "time a new connection has to send its header block"),
          // The FastAGI listener's guard (issue #14).
          new Setting(
              "agi.allowedPeers",
              GuardConfig.DEFAULT_ALLOWED_PEERS,
              "addresses or CIDR blocks that may open FastAGI connections; the addresses of every"
                  + " ami.host entry are added"),
          new Setting(
              "agi.maxConnections",
              "0",
              "open FastAGI connections in total; 0 means memory.slots plus 25 % (at least 64)"),
          new Setting(
              "agi.maxConnectionsPerPeer",
              "0",
              "open FastAGI connections from one address; 0 means the same as agi.maxConnections"),
          new Setting("call.commandTimeout", "10s", "reply time limit of commands without media"),
          new Setting(
              "call.mediaTimeout", "120s", "longest prompt; added to a media command's input time"),
          new Setting("call.hangupGrace", "500ms", "wait for a HANGUP line after result=-1"),
          new Setting(
              "call.closeLinger",
              "2s",
              "wait for Asterisk's closing HANGUP after the engine half-closes"),
          new Setting(
              "call.transferVariable",
              "TABULA_TRANSFER",
              "channel variable that names the agent queue"),
          new Setting(
              "call.notAvailablePrompt",
              "tabula/not-available",
              "prompt for an unknown tenant or flow"),
          new Setting(
              "call.pleaseCallBackPrompt",
              "tabula/please-call-back",
              "prompt when every call slot is in use"),
          new Setting(
              "call.unmuteGrace",
              "3s",
              "how long a recording muted for secure input stays muted after the last secure"
                  + " collect"),
          new Setting("memory.slots", "10000", "calls that can hold secret memory at once"),
          new Setting("memory.slotBytes", "4096", "secret memory per call (multiple of 64)"),
          new Setting("memory.lockInMemory", "true", "mlock the pool so it never reaches swap"),
          new Setting("memory.excludeFromCoreDumps", "true", "madvise(MADV_DONTDUMP) on the pool"),
          new Setting(
              "shutdown.deadline",
              "30s",
              "how long calls may finish at shutdown; after drain.timeout, how long the error path"
                  + " gets"),
          new Setting(
              "drain.timeout",
              "",
              "on SIGTERM, how long calls in progress may finish; empty: the longest flow"
                  + " time_limit"),
          new Setting(
              "flows.store",
              "",
              "flow store folder (tabula flows publish --store), or postgres for the shared store"
                  + " in PostgreSQL; empty serves the shipped flows"),
          new Setting(
              "flows.pollInterval",
              "5s",
              "how often the engine looks for new flow versions (with postgres: the check behind"
                  + " LISTEN/NOTIFY)"),
          new Setting(
              "flows.postgres.url",
              "",
              "the PostgreSQL flow store, postgresql://host[:port]/database (TLS verify-full,"
                  + " always)"),
          new Setting("flows.postgres.user", "", "the flow store's login role"),
          new Setting(
              "flows.postgres.passwordFile", "", "file holding the flow store role's password"),
          new Setting(
              "flows.postgres.caCertificate",
              "",
              "PEM file of the CA that issued the flow store server's certificate"),
          new Setting(
              "flows.postgres.listen",
              "true",
              "LISTEN for publishes; false checks every flows.pollInterval only (PgBouncer in"
                  + " transaction mode)"),
          new Setting(
              "prompts.soundsDirs",
              "",
              "Asterisk's sounds folders as the engine sees them, for the start-up prompt check"),
          new Setting(
              "prompts.check",
              "required",
              "required, warn or off: what start-up does about prompts without a sound file"),
          new Setting("prompts.languages", "en", "call languages whose prompt sounds are checked"),
          new Setting("admin.address", "127.0.0.1", "address of the /health and /metrics endpoint"),
          new Setting(
              "admin.port", "9573", "port of the /health and /metrics endpoint; 0 picks one"),
          new Setting(
              "admin.tokenFile",
              "",
              "file holding the bearer token the admin endpoint requires; required when"
                  + " admin.address is not loopback"),
          new Setting(
              "ami.host",
              "",
              "Asterisk's AMI host, or several as host[:port],...; empty means no AMI link, so"
                  + " flows with secure input need recording: none"),
          new Setting("ami.port", "5038", "Asterisk's AMI port"),
          new Setting("ami.username", "tabula", "the engine's AMI user (manager.conf)"),
          new Setting(
              "ami.secretFile",
              "",
              "file holding the AMI secret ({host} is replaced per Asterisk); empty reads the"
                  + " environment variable TABULA_AMI_SECRET"),
          new Setting(
              "tenants.dir",
              "",
              "folder of tenant files (one <tenant>.yaml each, docs/tenants.md); empty needs serve"
                  + " --demo for the built-in demo connectors"),
          new Setting(
              "journal.config",
              "",
              "the call journal's configuration file (database, tenants' public keys and search"
                  + " keys, docs/journal.md); empty: no call is journaled"),
          // Fail-closed settings (issue #14): each relaxation is explicit and logged at start-up.
          new Setting(
              "recording",
              "mixmonitor",
              "mixmonitor: calls may be recorded, so secure input needs an AMI link to mute; none:"
                  + " no MixMonitor on the engine's calls"),
          new Setting(
              "memory.protections",
              "required",
              "required: serve refuses to start when mlock or MADV_DONTDUMP is refused; waived:"
                  + " start anyway (logged, health DEGRADED)"),
          new Setting(
              "selftest.enabled",
              "false",
              "whether the built-in selftest/* flows answer (selftest/echo collects a card)"));

  /** The environment variable that overrides this setting. */
  public String environmentVariable() {
    StringBuilder name = new StringBuilder("TABULA_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c)) {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString().toUpperCase(Locale.ROOT);
  }
}
