package io.tabula.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's count of bytes allocated per thread, for allocation tests; a JVM that does not count
 * them skips the test rather than pass it.
 *
 * <pre>{@code
 * ThreadMXBean mx = ThreadAllocations.counter();
 * long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
 * }</pre>
 */
public final class ThreadAllocations {

  private ThreadAllocations() {}

  /** The counting bean; assumes (skips the test otherwise) that this JVM counts. */
  public static ThreadMXBean counter() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof ThreadMXBean mx
            && mx.isThreadAllocatedMemorySupported()
            && mx.isThreadAllocatedMemoryEnabled(),
        "this JVM does not count allocated bytes per thread");
    return (ThreadMXBean) ManagementFactory.getThreadMXBean();
  }
}
