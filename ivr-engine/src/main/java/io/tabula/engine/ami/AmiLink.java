package io.tabula.engine.ami;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's AMI link to one Asterisk: logs in, pings, and when the connection is lost or a ping
 * goes unanswered, replaces it with a new Asterisk-Java {@code ManagerConnection} after a jittered
 * exponential backoff. Everything it receives has passed {@link AmiMessageFilter}.
 *
 * <p>One thread per link does the connecting and pinging; {@link #send} runs on the caller's thread
 * (a call's virtual thread).
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (AmiLink link = AmiLink.start(endpoint, AmiLinkOptions.defaults(), registry)) {
 *   RecordingControl recording = new AmiRecordingControl(link);
 *   ...
 * }
 * }</pre>
 */
public final class AmiLink implements AutoCloseable {

  /**
   * Event classes asked for at login. Asterisk sends a session only events in both this mask and
   * the user's {@code read=} privileges; {@code dtmf}, {@code dialplan} and {@code agi} are left
   * out because they carry digits and the engine needs none of them.
   */
  static final String EVENT_MASK = "call,system";

  private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

  private final AmiEndpoint endpoint;
  private final AmiLinkOptions options;
  private final AmiBackoff backoff;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private final List<ManagerEventListener> listeners = new CopyOnWriteArrayList<>();
  private final AmiLinkMetrics metrics;
  private volatile GuardedManagerConnection connection;
  private volatile AmiLinkHealth health;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;
  private int failures;
  private ScheduledFuture<?> pinger;

  private AmiLink(
      AmiEndpoint endpoint, AmiLinkOptions options, MeterRegistry registry, Clock clock) {
    this.endpoint = endpoint;
    this.options = options;
    this.backoff = new AmiBackoff(options.backoffMin(), options.backoffMax());
    this.clock = clock;
    this.health =
        new AmiLinkHealth(endpoint.name(), AmiLinkState.RECONNECTING, clock.instant(), 0, "none");
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("ami-link-" + endpoint.name()).factory());
    // A pending reconnect may be up to backoffMax away: close() must not wait for it.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.worker = executor;
    this.metrics = new AmiLinkMetrics(registry, endpoint.name(), this::health);
  }

  /** Creates the link and starts connecting in the background; it never blocks on Asterisk. */
  public static AmiLink start(
      AmiEndpoint endpoint, AmiLinkOptions options, MeterRegistry registry) {
    AsteriskJavaLogGuard.apply();
    AmiLink link = new AmiLink(endpoint, options, registry, Clock.systemUTC());
    link.worker.execute(link::attempt);
    return link;
  }

  /** The endpoint's name, as in health output and metric tags. */
  public String name() {
    return endpoint.name();
  }

  String endpointHost() {
    return endpoint.host();
  }

  public AmiLinkOptions options() {
    return options;
  }

  /** The current state, since when, and the last failure kind. */
  public AmiLinkHealth health() {
    return health;
  }

  /** Receives every event that passed the DTMF filter, from any connection of this link. */
  public void addEventListener(ManagerEventListener listener) {
    listeners.add(listener);
  }

  /**
   * Sends one action and waits for its response.
   *
   * @throws AmiActionException when the link is down, Asterisk answers {@code Error}, or no answer
   *     comes within {@code timeout}
   */
  public ManagerResponse send(ManagerAction action, Duration timeout) throws AmiActionException {
    String name = action.getAction();
    long started = System.nanoTime();
    String outcome = "ok";
    try {
      ManagerResponse response = sendOnce(action, timeout);
      if (response instanceof ManagerError) {
        outcome = "refused";
        throw new AmiActionException(
            AmiActionException.Reason.REFUSED,
            "Asterisk '" + endpoint.name() + "' answered Error to " + name + ".");
      }
      return response;
    } catch (AmiActionException e) {
      if (outcome.equals("ok")) {
        outcome = e.reason().name().toLowerCase(java.util.Locale.ROOT);
      }
      throw e;
    } finally {
      metrics.action(name, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private ManagerResponse sendOnce(ManagerAction action, Duration timeout)
      throws AmiActionException {
    GuardedManagerConnection current = connection;
    if (current == null || health.state() != AmiLinkState.CONNECTED) {
      throw notConnected(action.getAction(), null);
    }
    try {
      return current.sendAction(action, timeout.toMillis());
    } catch (TimeoutException e) {
      throw new AmiActionException(
          AmiActionException.Reason.TIMEOUT,
          "Asterisk '"
              + endpoint.name()
              + "' did not answer "
              + action.getAction()
              + " within "
              + timeout.toMillis()
              + " ms; check Asterisk's load and the link's health.",
          e);
    } catch (IllegalStateException e) {
      throw notConnected(action.getAction(), e);
    } catch (IOException e) {
      throw new AmiActionException(
          AmiActionException.Reason.IO_ERROR,
          "The AMI link to '"
              + endpoint.name()
              + "' failed while sending "
              + action.getAction()
              + ".",
          e);
    }
  }

  private AmiActionException notConnected(String action, Throwable cause) {
    return new AmiActionException(
        AmiActionException.Reason.NOT_CONNECTED,
        "The AMI link to '"
            + endpoint.name()
            + "' is "
            + health.state().name().toLowerCase(java.util.Locale.ROOT)
            + "; "
            + action
            + " was not sent. Check that Asterisk's manager interface is reachable.",
        cause);
  }

  /** One connection attempt; runs on the link's worker thread. */
  private void attempt() {
    if (closed) {
      return;
    }
    GuardedManagerConnection candidate =
        new GuardedManagerConnection(
            endpoint, options, metrics::messageDropped, this::onConnectionLost);
    candidate.addEventListener(event -> onEvent(candidate, event));
    try {
      candidate.login(EVENT_MASK);
      connected(candidate);
    } catch (AuthenticationFailedException e) {
      failed(candidate, AmiLinkState.FAILED, "authentication rejected", options.backoffMax());
    } catch (IOException | TimeoutException | IllegalStateException e) {
      failed(candidate, AmiLinkState.RECONNECTING, e.getClass().getSimpleName(), null);
    }
  }

  private void connected(GuardedManagerConnection candidate) {
    if (closed) {
      quietlyLogoff(candidate);
      return;
    }
    connection = candidate;
    failures = 0;
    setState(AmiLinkState.CONNECTED, "none");
    log.info("AMI link '{}' connected to {}:{}", endpoint.name(), endpoint.host(), endpoint.port());
    long period = options.pingInterval().toMillis();
    pinger =
        worker.scheduleWithFixedDelay(() -> ping(candidate), period, period, TimeUnit.MILLISECONDS);
  }

  private void failed(
      GuardedManagerConnection candidate, AmiLinkState state, String reason, Duration delay) {
    quietlyLogoff(candidate);
    Duration wait = delay != null ? delay : backoff.delay(failures);
    failures++;
    setState(state, reason);
    log.warn(
        "AMI link '{}' to {}:{} not connected ({}); retrying in {} ms",
        endpoint.name(),
        endpoint.host(),
        endpoint.port(),
        reason,
        wait.toMillis());
    schedule(wait);
  }

  private void ping(GuardedManagerConnection current) {
    if (current != connection) {
      return;
    }
    try {
      current.sendAction(new PingAction(), options.actionTimeout().toMillis());
    } catch (IOException | TimeoutException | IllegalStateException e) {
      lost(current, "ping unanswered");
    }
  }

  private void onEvent(GuardedManagerConnection source, ManagerEvent event) {
    if (source != connection) {
      // A replaced connection's reader may still be draining; its events are stale.
      return;
    }
    for (ManagerEventListener listener : listeners) {
      listener.onManagerEvent(event);
    }
  }

  /** Reader thread of {@code source}: its socket is gone. */
  private void onConnectionLost(GuardedManagerConnection source) {
    try {
      worker.execute(() -> lost(source, "disconnected"));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The link is closing: nothing to reconnect.
    }
  }

  /** The current connection is gone: drop it and reconnect with backoff. Worker thread only. */
  private void lost(GuardedManagerConnection source, String reason) {
    if (source != connection || closed) {
      return;
    }
    connection = null;
    if (pinger != null) {
      pinger.cancel(false);
    }
    metrics.connectionLost();
    source.discard();
    setState(AmiLinkState.RECONNECTING, reason);
    Duration wait = backoff.delay(failures++);
    log.warn(
        "AMI link '{}' lost ({}); reconnecting in {} ms", endpoint.name(), reason, wait.toMillis());
    schedule(wait);
  }

  private void schedule(Duration wait) {
    if (!closed) {
      worker.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Logs off a connection that is no longer wanted. This also ends Asterisk-Java's own reconnect
   * loop for it, which starts by itself whenever a logged-in connection drops.
   */
  private static void quietlyLogoff(GuardedManagerConnection c) {
    try {
      c.logoff();
    } catch (IllegalStateException e) {
      // Never logged in or already logged off: nothing to stop.
    }
  }

  private void setState(AmiLinkState state, String reason) {
    AmiLinkHealth before = health;
    if (before.state() == state && before.failedAttempts() == failures) {
      return;
    }
    java.time.Instant since = before.state() == state ? before.since() : clock.instant();
    health = new AmiLinkHealth(endpoint.name(), state, since, failures, reason);
  }

  /** Logs off and stops reconnecting. Idempotent, callable from any thread. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    worker.execute(
        () -> {
          GuardedManagerConnection current = connection;
          connection = null;
          if (current != null) {
            quietlyLogoff(current);
          }
          setState(AmiLinkState.CLOSED, "closed");
        });
    worker.shutdown();
    try {
      if (!worker.awaitTermination(options.actionTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    health =
        new AmiLinkHealth(
            endpoint.name(), AmiLinkState.CLOSED, clock.instant(), failures, "closed");
  }
}
