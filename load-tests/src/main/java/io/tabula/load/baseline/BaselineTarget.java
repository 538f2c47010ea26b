package io.tabula.load.baseline;

import io.tabula.load.agi.TargetControl;
import java.io.IOException;
import java.net.InetAddress;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * The baseline target: Asterisk-Java's own {@code DefaultAgiServer} (one pool thread per
 * connection) running {@link BaselineCallScript}, in its own JVM under {@link TargetControl}.
 *
 * <p>Run: {@code java -cp load-tests/target/benchmarks.jar io.tabula.load.baseline.BaselineTarget
 * <port> <threads>}; the pool gets {@code threads} threads so that it never queues a call (thread
 * per connection, as the library intends).
 */
public final class BaselineTarget {

  private BaselineTarget() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 4574;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    ReadyServer server = new ReadyServer(new BaselineCallScript());
    server.setAddress(InetAddress.getLoopbackAddress());
    server.setPort(port);
    server.setPoolSize(threads);
    server.setMaximumPoolSize(threads);
    Thread acceptor = Thread.ofPlatform().name("baseline-accept").start(server::serve);
    server.awaitListening();
    TargetControl.serve(port, () -> 0, server::shutdown);
    acceptor.join(10_000);
  }

  /** DefaultAgiServer that reports when its server socket is bound. */
  private static final class ReadyServer extends DefaultAgiServer {

    private final java.util.concurrent.CountDownLatch listening =
        new java.util.concurrent.CountDownLatch(1);

    ReadyServer(BaselineCallScript script) {
      super(script);
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
      ServerSocketFacade socket = super.createServerSocket();
      listening.countDown();
      return socket;
    }

    void serve() {
      try {
        startup();
      } catch (IOException | IllegalStateException e) {
        System.err.println("Baseline server stopped: " + e);
      }
    }

    void awaitListening() throws InterruptedException {
      if (!listening.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "The baseline FastAGI server did not start listening in 30 s.");
      }
    }
  }
}
