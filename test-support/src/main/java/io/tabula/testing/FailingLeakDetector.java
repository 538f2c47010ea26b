package io.tabula.testing;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Netty leak detector that remembers every leak it reports, so that {@link LeakCheckExtension}
 * can fail the test run instead of leaving a warning in a log nobody reads.
 *
 * <p>Installed for every test JVM by the parent POM through Netty's {@code
 * io.netty.customResourceLeakDetector} property, with the level at {@code paranoid} so that every
 * buffer is tracked.
 */
public final class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static final List<FailingLeakDetector<?>> INSTANCES = new CopyOnWriteArrayList<>();

  /** The constructor Netty's factory looks up by reflection. */
  public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
    INSTANCES.add(this);
  }

  /** The older constructor shape, still tried by Netty's factory on some code paths. */
  public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
    this(resourceType, samplingInterval);
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    LEAKS.add(resourceType + " was not released. Access records:" + records);
    super.reportTracedLeak(resourceType, records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    LEAKS.add(resourceType + " was not released (no access records).");
    super.reportUntracedLeak(resourceType);
  }

  /** Leaks reported so far in this JVM. */
  public static List<String> leaks() {
    return List.copyOf(LEAKS);
  }

  static void forgetLeaks() {
    LEAKS.clear();
  }

  /**
   * Makes every detector look at its reference queue now. Netty only reports a leak when it tracks
   * the next object, so we track (and at once close) one throw-away object per detector.
   */
  static void pollAll() {
    for (FailingLeakDetector<?> detector : INSTANCES) {
      detector.poll();
    }
  }

  private void poll() {
    Object probe = new Object();
    @SuppressWarnings("unchecked")
    var tracker = ((ResourceLeakDetector<Object>) (ResourceLeakDetector<?>) this).track(probe);
    if (tracker != null) {
      tracker.close(probe);
    }
  }
}
