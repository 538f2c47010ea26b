package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyDefaultsTest {

  private static final String LEAK_LEVEL = "io.netty.leakDetection.level";
  private static final String[] PROPERTIES = {
    NettyDefaults.REFLECTIVE_SELECTOR,
    NettyDefaults.LEAK_CLOSE_TRACES,
    NettyDefaults.LEAK_SAMPLING,
    LEAK_LEVEL
  };

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void remember() {
    for (String property : PROPERTIES) {
      before.put(property, System.getProperty(property));
    }
  }

  @AfterEach
  void restore() {
    before.forEach(
        (property, value) -> {
          if (value == null) {
            System.clearProperty(property);
          } else {
            System.setProperty(property, value);
          }
        });
  }

  @Test
  void turnsOnTheReflectiveSelectorWhenNobodyChose() {
    System.clearProperty(NettyDefaults.REFLECTIVE_SELECTOR);

    NettyDefaults.apply();

    assertThat(System.getProperty(NettyDefaults.REFLECTIVE_SELECTOR)).isEqualTo("true");
  }

  @Test
  void leavesAnOperatorsChoiceAlone() {
    System.setProperty(NettyDefaults.REFLECTIVE_SELECTOR, "false");

    NettyDefaults.apply();

    assertThat(System.getProperty(NettyDefaults.REFLECTIVE_SELECTOR)).isEqualTo("false");
  }

  @Test
  void leavesAnOperatorsLeakTraceChoiceAlone() {
    System.setProperty(NettyDefaults.LEAK_CLOSE_TRACES, "true");

    NettyDefaults.apply();

    assertThat(System.getProperty(NettyDefaults.LEAK_CLOSE_TRACES)).isEqualTo("true");
  }

  @Test
  void dropsTheLeakDetectorsReleaseTraceButNotItsSampling() {
    System.clearProperty(NettyDefaults.LEAK_CLOSE_TRACES);
    String level = System.getProperty(LEAK_LEVEL);

    NettyDefaults.apply();

    assertThat(System.getProperty(NettyDefaults.LEAK_CLOSE_TRACES)).isEqualTo("false");
    assertThat(System.getProperty(LEAK_LEVEL)).as("the leak detection level").isEqualTo(level);
  }

  @Test
  void leavesAnOperatorsSamplingIntervalAlone() {
    System.setProperty(NettyDefaults.LEAK_SAMPLING, "128");

    NettyDefaults.apply();

    assertThat(System.getProperty(NettyDefaults.LEAK_SAMPLING)).isEqualTo("128");
  }

  /**
   * Netty reads the interval once, when its detector class loads, which this JVM did long ago (at
   * paranoid), so a JVM of its own applies the defaults and counts what the detector tracks.
   */
  @Test
  void theDetectorTracksOneObjectInAboutAThousand() throws Exception {
    List<String> lines = ProbeJvm.run(List.of(), Probe.class, List.of());
    int tracked = Integer.parseInt(lines.getLast());

    // 40,000 objects: about 39 tracked at one in 1,024 (below 10 or above 80 less than once in 10^7
    // runs), about 312 at Netty's one in 128.
    assertThat(tracked).as(String.join("\n", lines)).isBetween(10, 80);
  }

  /**
   * Applies the defaults in a fresh JVM, then prints the detector and its level, and last how many
   * of 40,000 objects it tracks.
   */
  static final class Probe {
    private static final int OBJECTS = 40_000;

    public static void main(String[] args) {
      NettyDefaults.apply();
      ResourceLeakDetector<Object> detector =
          ResourceLeakDetectorFactory.instance().newResourceLeakDetector(Object.class);
      int tracked = 0;
      for (int i = 0; i < OBJECTS; i++) {
        Object resource = new Object();
        ResourceLeakTracker<Object> tracker = detector.track(resource);
        if (tracker != null) {
          tracked++;
          tracker.close(resource);
        }
      }
      System.out.println(
          detector.getClass().getSimpleName() + " at " + ResourceLeakDetector.getLevel());
      System.out.println(tracked);
    }
  }
}
