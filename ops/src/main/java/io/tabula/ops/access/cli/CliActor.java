package io.tabula.ops.access.cli;

import io.tabula.ops.access.account.AccountAdmin.Actor;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs a CLI command, for the trail: {@code cli:<os user>} from {@code cli@<host>}. Whoever
 * holds the access database's credentials already holds every power the CLI has; the trail still
 * says who used them.
 */
final class CliActor {

  private CliActor() {}

  static Actor current() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return new Actor("cli:" + System.getProperty("user.name", "unknown"), "cli@" + host);
  }
}
