package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AsteriskJavaLogGuardTest {

  private final ch.qos.logback.classic.Logger asteriskJava =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.asteriskjava");

  @AfterEach
  void reset() {
    asteriskJava.setLevel(null);
    System.clearProperty("org.asteriskjava.trace");
  }

  @Test
  void capsAsteriskJavaDebugLoggingAtInfo() {
    asteriskJava.setLevel(Level.DEBUG);

    AsteriskJavaLogGuard.apply();

    assertThat(asteriskJava.getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(
            LoggerFactory.getLogger("org.asteriskjava.manager.internal.ManagerConnectionImpl")
                .isDebugEnabled())
        .isFalse();
  }

  @Test
  void leavesAQuieterLevelAlone() {
    asteriskJava.setLevel(Level.WARN);

    AsteriskJavaLogGuard.apply();

    assertThat(asteriskJava.getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void clearsTheRawLineTraceSwitch() {
    System.setProperty("org.asteriskjava.trace", "true");

    AsteriskJavaLogGuard.apply();

    assertThat(System.getProperty("org.asteriskjava.trace")).isNull();
  }
}
