package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyDefaultsTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(NettyDefaults.REFLECTIVE_SELECTOR);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NettyDefaults.REFLECTIVE_SELECTOR);
    } else {
      System.setProperty(NettyDefaults.REFLECTIVE_SELECTOR, before);
    }
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
}
