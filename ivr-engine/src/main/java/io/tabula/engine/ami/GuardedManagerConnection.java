package io.tabula.engine.ami;

import java.io.IOException;
import java.util.function.Consumer;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.lock.Locker.LockCloser;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
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
  private final Consumer<GuardedManagerConnection> onLost;

  /**
   * @param onDropped called for every message dropped as sensitive
   * @param onLost called once, on the reader thread, when a logged-in connection drops
   */
  GuardedManagerConnection(
      AmiEndpoint endpoint,
      AmiLinkOptions options,
      Runnable onDropped,
      Consumer<GuardedManagerConnection> onLost) {
    this.onLost = onLost;
    this.endpoint = endpoint;
    this.options = options;
    this.onDropped = onDropped;
    setHostname(endpoint.host());
    setPort(endpoint.port());
    setUsername(endpoint.username());
    setPassword(endpoint.secret().reveal());
    setDefaultResponseTimeout(options.actionTimeout().toMillis());
    // The link reconnects on its own schedule (AmiLink), also after a rejected login.
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

  /**
   * Drops a connection the link gave up on (socket gone, or pings unanswered) without the {@code
   * Logoff} that {@code logoff()} would send into it: that send fails or waits for its timeout, and
   * Asterisk-Java logs the failure with a stack trace. Closing the socket ends the session on
   * Asterisk's side as well.
   */
  void discard() {
    LockCloser lock = withLock();
    try {
      state = ManagerConnectionState.DISCONNECTED;
      disconnect();
    } finally {
      lock.close();
    }
  }

  /**
   * Asterisk-Java starts its reconnect thread when a DisconnectEvent finds the connection in state
   * CONNECTED. Moving to RECONNECTING first makes it fail the waiting actions and otherwise ignore
   * the event; the link then logs this connection off and reconnects with its backoff.
   */
  @Override
  public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
    if (!(event instanceof DisconnectEvent)) {
      super.dispatchEvent(event, requiredHandlingTime);
      return;
    }
    boolean wasConnected;
    LockCloser lock = withLock();
    try {
      wasConnected = state == ManagerConnectionState.CONNECTED;
      if (wasConnected) {
        state = ManagerConnectionState.RECONNECTING;
      }
    } finally {
      lock.close();
    }
    super.dispatchEvent(event, requiredHandlingTime);
    if (wasConnected) {
      onLost.accept(this);
    }
  }
}
