package io.tabula.engine.pbx.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The AMI side of the virtual PBX: a manager interface on loopback that answers like Asterisk 22
 * (fixtures {@code ami/}), emits events (including {@code DTMFBegin}/{@code DTMFEnd}, which the
 * engine's client must drop), and can drop its connections to test reconnects.
 *
 * <p>Every channel exists unless {@link #hangUp} was called for it; mutes and redirects on a
 * hung-up channel get Asterisk's errors.
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (VirtualAmiServer ami = VirtualAmiServer.start(VirtualAmiOptions.defaults("tabula", "s3"))) {
 *   AmiEndpoint endpoint = new AmiEndpoint("vpbx", "127.0.0.1", ami.port(), "tabula", secret);
 *   ami.pressKeys(VirtualChannel.agiLeg("SIP/1-0001", "1.1"), "42");
 * }
 * }</pre>
 */
public final class VirtualAmiServer implements AutoCloseable {

  private final ServerSocket serverSocket;
  private final Set<VirtualAmiSession> sessions = ConcurrentHashMap.newKeySet();
  private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
  private final List<Consumer<RedirectRequest>> redirectListeners = new CopyOnWriteArrayList<>();
  private final List<String> muteLog = new CopyOnWriteArrayList<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger pings = new AtomicInteger();
  private volatile boolean answersPings = true;
  private final long startedAt = System.nanoTime();
  private volatile VirtualAmiOptions options;
  private final Thread acceptor;

  private VirtualAmiServer(ServerSocket serverSocket, VirtualAmiOptions options) {
    this.serverSocket = serverSocket;
    this.options = options;
    this.acceptor = Thread.ofVirtual().name("virtual-ami-accept").start(this::acceptLoop);
  }

  /** Listens on 127.0.0.1 and an ephemeral port. */
  public static VirtualAmiServer start(VirtualAmiOptions options) throws IOException {
    return start(options, 0);
  }

  /** Listens on 127.0.0.1:{@code port} (0 for an ephemeral port). */
  public static VirtualAmiServer start(VirtualAmiOptions options, int port) throws IOException {
    return start(options, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * Listens on {@code address}; another loopback address such as 127.0.0.2 stands for a second
   * Asterisk host.
   */
  public static VirtualAmiServer start(VirtualAmiOptions options, InetSocketAddress address)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(address);
    return new VirtualAmiServer(socket, options);
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public VirtualAmiOptions options() {
    return options;
  }

  /** Changes behaviour for later actions (for example, mutes start to time out). */
  public void setOptions(VirtualAmiOptions options) {
    this.options = options;
  }

  /** Successful logins so far, across all connections. */
  public int logins() {
    return logins.get();
  }

  /** Ping actions received so far (answered or not). */
  public int pings() {
    return pings.get();
  }

  /**
   * Whether Ping gets its Pong. False imitates an Asterisk that keeps the TCP connection open but
   * no longer answers (a hung manager thread): only the client's ping timeout notices that.
   */
  public void answerPings(boolean answer) {
    answersPings = answer;
  }

  boolean answersPings() {
    return answersPings;
  }

  /** Sessions open now. */
  public int openSessions() {
    return sessions.size();
  }

  /** Every MixMonitorMute received, as {@code "<channel> <state>"}, in order. */
  public List<String> mutesReceived() {
    return List.copyOf(muteLog);
  }

  /** Called for every accepted Redirect, on the session's thread. */
  public void onRedirect(Consumer<RedirectRequest> listener) {
    redirectListeners.add(listener);
  }

  /** Marks a channel gone: later mutes and redirects on it fail as in Asterisk. */
  public void hangUp(String channel) {
    hungUp.add(channel);
  }

  /** Emits a DTMFBegin/DTMFEnd pair per digit, as Asterisk does while a caller keys. */
  public void pressKeys(VirtualChannel channel, CharSequence digits) {
    for (int i = 0; i < digits.length(); i++) {
      broadcast(AmiEvents.dtmfBegin(channel, digits.charAt(i)));
      broadcast(AmiEvents.dtmfEnd(channel, digits.charAt(i), 100));
    }
  }

  /** Sends an event to every logged-in session that asked for its class. */
  public void broadcast(AmiMessage event) {
    for (VirtualAmiSession session : sessions) {
      try {
        session.emit(event);
      } catch (IOException e) {
        session.close();
      }
    }
  }

  /** Closes every open connection, as an Asterisk restart would; the server keeps listening. */
  public void dropConnections() {
    for (VirtualAmiSession session : sessions) {
      session.close();
    }
  }

  VirtualChannel channel(String name) {
    if (name.isEmpty() || hungUp.contains(name)) {
      return null;
    }
    return VirtualChannel.agiLeg(name, "1795421796." + Math.abs(name.hashCode() % 1000));
  }

  void recordMute(String channel, String state) {
    muteLog.add(channel + " " + state);
  }

  void redirected(RedirectRequest request) {
    hungUp.add(request.channel());
    for (Consumer<RedirectRequest> listener : redirectListeners) {
      listener.accept(request);
    }
  }

  void pinged() {
    pings.incrementAndGet();
  }

  void loggedIn(VirtualAmiSession session) {
    logins.incrementAndGet();
  }

  void sessionEnded(VirtualAmiSession session) {
    sessions.remove(session);
  }

  long uptimeSeconds() {
    return (System.nanoTime() - startedAt) / 1_000_000_000L;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        VirtualAmiSession session = new VirtualAmiSession(socket, this);
        sessions.add(session);
        Thread.ofVirtual().name("virtual-ami-session").start(session);
      } catch (IOException e) {
        // Closed by close(): the loop ends.
      }
    }
  }

  /** Stops listening and closes every session. */
  @Override
  public void close() throws IOException {
    serverSocket.close();
    dropConnections();
    try {
      acceptor.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
