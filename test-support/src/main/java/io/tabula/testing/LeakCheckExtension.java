package io.tabula.testing;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran.
 *
 * <p>Registered for every module through JUnit's extension auto-detection (the parent POM turns it
 * on). After each test class it forces a garbage collection, waits until the collector has really
 * enqueued cleared references (observed through a sentinel, not a sleep), lets every detector drain
 * its queue, and throws if anything leaked.
 */
public final class LeakCheckExtension implements AfterAllCallback {

  private static final long ENQUEUE_WAIT_MILLIS = 2_000;

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    if (!FailingLeakDetector.class.getName().equals(System.getProperty(CUSTOM_DETECTOR))) {
      return;
    }
    collectGarbageAndWaitForEnqueue();
    FailingLeakDetector.pollAll();
    List<String> leaks = FailingLeakDetector.leaks();
    if (!leaks.isEmpty()) {
      FailingLeakDetector.forgetLeaks();
      throw new AssertionError(
          leaks.size()
              + " Netty buffer(s) leaked while "
              + context.getDisplayName()
              + " ran. Release every ByteBuf you own (see the records below):\n"
              + String.join("\n", leaks));
    }
  }

  private static final String CUSTOM_DETECTOR = "io.netty.customResourceLeakDetector";

  /** Two rounds, so that buffers freed by finalization of the first round are seen too. */
  static void collectGarbageAndWaitForEnqueue() throws InterruptedException {
    for (int round = 0; round < 2; round++) {
      ReferenceQueue<Object> queue = new ReferenceQueue<>();
      WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
      long deadline = System.nanoTime() + ENQUEUE_WAIT_MILLIS * 1_000_000;
      while (queue.remove(50) == null && System.nanoTime() < deadline) {
        System.gc();
      }
      sentinel.clear();
    }
  }
}
