package io.tabula.engine.pbx.ami;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One manager session of the virtual AMI server: the banner, then actions answered as Asterisk 22
 * answers them (fixtures {@code ami/*.txt}): Challenge, Login (plain or MD5), Ping, MixMonitorMute,
 * Redirect, Logoff; anything else gets {@code Invalid/unknown command}. Writes are serialised
 * because events arrive from other threads.
 */
final class VirtualAmiSession implements Runnable {

  static final byte[] BANNER =
      "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Socket socket;
  private final VirtualAmiServer server;
  private final OutputStream out;
  private volatile boolean authenticated;
  private volatile Set<String> eventClasses = Set.of();
  private String challenge;

  VirtualAmiSession(Socket socket, VirtualAmiServer server) throws IOException {
    this.socket = socket;
    this.server = server;
    this.out = socket.getOutputStream();
  }

  @Override
  public void run() {
    try (socket) {
      write(BANNER);
      AmiMessageReader reader = new AmiMessageReader(socket.getInputStream(), 8192);
      AmiMessage action;
      while ((action = reader.next()) != null) {
        if (!handle(action)) {
          break;
        }
      }
    } catch (IOException e) {
      // The client went away or the server dropped the connection: the session simply ends.
    } finally {
      server.sessionEnded(this);
    }
  }

  /** Answers one action; false when the session must end (Logoff, failed login). */
  private boolean handle(AmiMessage action) throws IOException {
    String name = action.header("Action").toLowerCase(Locale.ROOT);
    String id = action.get("ActionID");
    if (!authenticated && !name.equals("login") && !name.equals("challenge")) {
      send(response("Error", id).with("Message", "Authentication Required"));
      return true;
    }
    return switch (name) {
      case "challenge" -> challenge(id);
      case "login" -> login(action, id);
      case "ping" -> ping(id);
      case "mixmonitormute" -> mute(action, id);
      case "redirect" -> redirect(action, id);
      case "logoff" -> logoff(id);
      default -> {
        send(response("Error", id).with("Message", "Invalid/unknown command"));
        yield true;
      }
    };
  }

  private boolean challenge(String id) throws IOException {
    challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    send(response("Success", id).with("Challenge", challenge));
    return true;
  }

  private boolean login(AmiMessage action, String id) throws IOException {
    VirtualAmiOptions options = server.options();
    boolean userOk = options.username().equals(action.header("Username"));
    if (!userOk || !secretMatches(action, options.secret())) {
      send(response("Error", id).with("Message", "Authentication failed"));
      return false;
    }
    eventClasses = EventMask.parse(action.get("Events"));
    authenticated = true;
    send(response("Success", id).with("Message", "Authentication accepted"));
    emit(AmiEvents.fullyBooted(server.uptimeSeconds()));
    server.loggedIn(this);
    return true;
  }

  private boolean secretMatches(AmiMessage action, String secret) {
    if ("md5".equalsIgnoreCase(action.header("AuthType"))) {
      return challenge != null && md5(challenge + secret).equalsIgnoreCase(action.header("Key"));
    }
    return secret.equals(action.header("Secret"));
  }

  private boolean ping(String id) throws IOException {
    server.pinged();
    if (!server.answersPings()) {
      return true;
    }
    double now = System.currentTimeMillis() / 1000.0;
    send(
        response("Success", id)
            .with("Ping", "Pong")
            .with("Timestamp", String.format(Locale.ROOT, "%.6f", now)));
    return true;
  }

  private boolean mute(AmiMessage action, String id) throws IOException {
    server.recordMute(action.header("Channel"), action.header("State"));
    VirtualChannel channel = server.channel(action.header("Channel"));
    switch (server.options().muteAnswer()) {
      case SILENT -> {
        return true;
      }
      case ERROR -> send(response("Error", id).with("Message", "Cannot set mute flag"));
      case SUCCESS -> {
        if (channel == null) {
          send(response("Error", id).with("Message", "No such channel"));
        } else {
          send(response("Success", id));
          server.broadcast(
              AmiEvents.mixMonitorMute(
                  channel, action.header("Direction"), action.header("State")));
        }
      }
    }
    return true;
  }

  private boolean redirect(AmiMessage action, String id) throws IOException {
    String name = action.header("Channel");
    if (server.channel(name) == null) {
      send(response("Error", id).with("Message", "Channel does not exist: " + name));
      return true;
    }
    // Asterisk moves the channel (async goto) before it acknowledges, so whoever reads the
    // response can rely on the redirect having happened.
    server.redirected(
        new RedirectRequest(
            name, action.header("Context"), action.header("Exten"), action.header("Priority")));
    send(response("Success", id).with("Message", "Redirect successful"));
    return true;
  }

  private boolean logoff(String id) throws IOException {
    send(response("Goodbye", id).with("Message", "Thanks for all the fish."));
    return false;
  }

  /** Sends an event if this session is logged in and asked for its class. */
  void emit(AmiMessage event) throws IOException {
    if (authenticated && EventMask.accepts(eventClasses, event, server.options())) {
      send(event);
    }
  }

  private static AmiMessage response(String status, String id) {
    AmiMessage m = AmiMessage.of("Response", status);
    return id == null ? m : m.with("ActionID", id);
  }

  private void send(AmiMessage message) throws IOException {
    write(message.encode());
  }

  private synchronized void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing to simulate a dropped link; nothing else to do.
    }
  }

  private static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
