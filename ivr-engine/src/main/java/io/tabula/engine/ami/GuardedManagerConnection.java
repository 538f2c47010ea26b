package io.tabula.engine.ami;

import java.io.IOException;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's {@code ManagerConnectionImpl} with two changes: the socket is a {@link
 * FilteringAmiSocket} (DTMF messages are dropped as bytes before Asterisk-Java sees them), and the
 * Asterisk version is fixed instead of asked.
 *
 * <p>Why a fixed version: Asterisk-Java otherwise sends {@code CoreSettings} and then {@code
 * Command: core show version} after login, which need the {@code system}/{@code reporting} and
 * {@code command} write privileges. The engine's AMI user has {@code write=call} only (least
 * privilege), and without those privileges Asterisk-Java retries four times with 500 ms pauses,
 * delaying every login by seconds. The actions the engine sends (MixMonitorMute, Redirect, Ping)
 * have had the same form since Asterisk 11, so the version only steers Asterisk-Java's event
 * compatibility layer.
 */
final class GuardedManagerConnection extends ManagerConnectionImpl {

  private final AmiEndpoint endpoint;
  private final AmiLinkOptions options;
  private final Runnable onDropped;

  GuardedManagerConnection(AmiEndpoint endpoint, AmiLinkOptions options, Runnable onDropped) {
    this.endpoint = endpoint;
    this.options = options;
    this.onDropped = onDropped;
    setHostname(endpoint.host());
    setPort(endpoint.port());
    setUsername(endpoint.username());
    setPassword(endpoint.secret().reveal());
    setDefaultResponseTimeout(options.actionTimeout().toMillis());
    // The link reconnects on its own schedule (AmiLink); Asterisk-Java's fixed 50 ms / 5 s retry
    // loop is stopped by logging off the lost connection.
    setKeepAliveAfterAuthenticationFailure(false);
  }

  @Override
  protected SocketConnectionFacade createSocket() throws IOException {
    return new FilteringAmiSocket(endpoint.address(), options, onDropped);
  }

  @Override
  protected AsteriskVersion determineVersion() {
    return AsteriskVersion.ASTERISK_22;
  }
}
