package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyDefaultsTest {

  private static final String LEAK_LEVEL = "io.netty.leakDetection.level";
  private static final String[] PROPERTIES = {
    NettyDefaults.REFLECTIVE_SELECTOR, NettyDefaults.LEAK_CLOSE_TRACES, LEAK_LEVEL
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
}
