package io.tabula.engine.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A plain AMI session for the tests: logs in, sends actions, and hands out futures for events that
 * are yet to come. It keeps every message it received, as Asterisk sent it, so a test can search
 * what a manager user was shown. Plain text login: the test's own users on loopback only.
 *
 * <pre>{@code
 * try (Ami ami = Ami.login(port, "test", "secret")) {
 *   CompletableFuture<Map<String, String>> hangup = ami.next(e -> "Hangup".equals(e.get("Event")));
 *   ami.action("Originate", Map.of("Channel", "Local/s@ctx", "Application", "Wait", ...));
 *   hangup.get(60, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
final class Ami implements AutoCloseable {

  private record Waiter(
      Predicate<Map<String, String>> wanted, CompletableFuture<Map<String, String>> future) {}

  private final Socket socket;
  private final OutputStream out;
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  private final StringBuffer transcript = new StringBuffer();
  private final AtomicLong ids = new AtomicLong();

  private Ami(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    Thread.ofVirtual().name("ami-reader").start(this::read);
  }

  static Ami login(int port, String user, String secret) throws Exception {
    Ami ami = new Ami(new Socket(InetAddress.getLoopbackAddress(), port));
    try {
      Map<String, String> reply =
          ami.action("Login", Map.of("Username", user, "Secret", secret, "Events", "on"));
      if (!"Success".equals(reply.get("Response"))) {
        throw new IllegalStateException("AMI login as " + user + " refused: " + reply);
      }
      return ami;
    } catch (Exception e) {
      ami.close();
      throw e;
    }
  }

  /** The first event after this call that matches; register it before causing the event. */
  CompletableFuture<Map<String, String>> next(Predicate<Map<String, String>> wanted) {
    CompletableFuture<Map<String, String>> future = new CompletableFuture<>();
    waiters.add(new Waiter(wanted, future));
    return future;
  }

  static Predicate<Map<String, String>> event(String name) {
    return message -> name.equals(message.get("Event"));
  }

  /** Sends an action and waits up to 30 s for its response. */
  Map<String, String> action(String name, Map<String, String> fields) throws Exception {
    String id = "t" + ids.incrementAndGet();
    CompletableFuture<Map<String, String>> response =
        next(m -> id.equals(m.get("ActionID")) && m.containsKey("Response"));
    StringBuilder text = new StringBuilder("Action: ").append(name).append("\r\n");
    text.append("ActionID: ").append(id).append("\r\n");
    fields.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
    text.append("\r\n");
    synchronized (out) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    return response.get(30, TimeUnit.SECONDS);
  }

  /** Everything Asterisk sent this session, as text. */
  String transcript() {
    return transcript.toString();
  }

  List<Map<String, String>> received() {
    return new ArrayList<>(received);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      Map<String, String> message = new LinkedHashMap<>();
      for (String line; (line = in.readLine()) != null; ) {
        transcript.append(line).append('\n');
        if (!line.isEmpty()) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            message.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
          }
          continue;
        }
        if (!message.isEmpty()) {
          dispatch(message);
          message = new LinkedHashMap<>();
        }
      }
    } catch (IOException closed) {
      // The session ended (close() or Asterisk stopped); waiters fail below.
    }
    IllegalStateException ended = new IllegalStateException("the AMI session ended");
    waiters.forEach(w -> w.future().completeExceptionally(ended));
  }

  private void dispatch(Map<String, String> message) {
    received.add(message);
    for (Waiter waiter : waiters) {
      if (waiter.wanted().test(message) && waiter.future().complete(message)) {
        waiters.remove(waiter);
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
