package io.tabula.connectors.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's {@code -c} settings: loopback only, a private socket folder, TLS 1.2+ with the
 * generated certificates, and durability switched off (a demo and test server keeps nothing worth
 * an fsync).
 */
final class ServerSettings {

  private ServerSettings() {}

  static List<String> arguments(int port, Path socketDirectory, ServerTls tls) {
    List<String> settings = new ArrayList<>();
    settings.add("port=" + port);
    settings.add("listen_addresses=" + EmbeddedPostgres.HOST);
    settings.add("unix_socket_directories=" + socketDirectory);
    settings.add("fsync=off");
    settings.add("synchronous_commit=off");
    settings.add("full_page_writes=off");
    settings.add("max_connections=120");
    settings.add("shared_buffers=32MB");
    settings.add("logging_collector=off");
    settings.add("log_min_messages=warning");
    if (tls == null) {
      settings.add("ssl=off");
      return settings;
    }
    Path directory = tls.serverDirectory();
    settings.add("ssl=on");
    settings.add("ssl_cert_file=" + directory.resolve("server.crt"));
    settings.add("ssl_key_file=" + directory.resolve("server.key"));
    settings.add("ssl_ca_file=" + directory.resolve("root.crt"));
    settings.add("ssl_min_protocol_version=TLSv1.2");
    return settings;
  }
}
