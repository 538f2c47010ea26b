package io.tabula.engine.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The order of main/srv.c (Asterisk 22), and the URLs of res_agi.c. */
class SrvOrderTest {

  private static final SrvTarget A10 = new SrvTarget(10, 0, 1, "a");
  private static final SrvTarget B20 = new SrvTarget(20, 0, 2, "b");
  private static final SrvTarget C10 = new SrvTarget(10, 0, 3, "c");

  /** Draws these values of nextDouble() in turn. */
  private static RandomGenerator drawing(double... values) {
    Queue<Double> queue = new ArrayDeque<>();
    for (double value : values) {
      queue.add(value);
    }
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return queue.remove();
      }
    };
  }

  @Test
  void withoutWeightsByPriorityThenInTheAnswersOrder() {
    assertThat(SrvOrder.asAsterisk(List.of(B20, C10, A10), drawing()))
        .containsExactly(C10, A10, B20);
  }

  @Test
  void aWeightIsComparedOnItsOwnWithTheDrawNotWithTheRunningSum() {
    SrvTarget light = new SrvTarget(10, 10, 1, "light");
    SrvTarget heavy = new SrvTarget(10, 90, 2, "heavy");
    // Sum 100: a draw of 95 picks nothing (neither weight is >= 95) and is drawn again; 50 picks
    // the first weight >= 50, the heavy one; the light one is left. RFC 2782's running sum would
    // have taken heavy at 95 at once.
    assertThat(SrvOrder.asAsterisk(List.of(light, heavy), drawing(0.945, 0.495, 0.0)))
        .containsExactly(heavy, light);
    // A draw of 5 takes the light one first, as it would under RFC 2782.
    assertThat(SrvOrder.asAsterisk(List.of(light, heavy), drawing(0.045, 0.0)))
        .containsExactly(light, heavy);
  }

  @Test
  void equalWeightsKeepTheAnswersOrderWhateverIsDrawn() {
    SrvTarget first = new SrvTarget(0, 50, 1, "first");
    SrvTarget second = new SrvTarget(0, 50, 2, "second");
    // 1..100: only a draw up to 50 picks anything, and then always the first remaining.
    assertThat(SrvOrder.asAsterisk(List.of(first, second), drawing(0.99, 0.3, 0.7, 0.1)))
        .containsExactly(first, second);
  }

  @Test
  void weightZeroComesLastWithinItsPriority() {
    SrvTarget zero = new SrvTarget(10, 0, 1, "zero");
    SrvTarget some = new SrvTarget(10, 5, 2, "some");
    assertThat(SrvOrder.asAsterisk(List.of(zero, some, B20), drawing(0.5)))
        .containsExactly(some, zero, B20);
  }

  @Test
  void urlsAsResAgiReadsThem() {
    AgiUrl ha = AgiUrl.parse("hagi://engines.example/city/parking-ticket");
    assertThat(ha.srv()).isTrue();
    assertThat(ha.srvName()).isEqualTo("_agi._tcp.engines.example");
    assertThat(ha.script()).isEqualTo("city/parking-ticket");

    AgiUrl withPort = AgiUrl.parse("hagi://engines.example:4600/city/flow");
    assertThat(withPort.srv()).as("a port disables the SRV lookup").isFalse();
    assertThat(withPort.port()).isEqualTo(4600);

    AgiUrl plain = AgiUrl.parse("agi://10.0.0.5");
    assertThat(plain.port()).isEqualTo(AgiUrl.DEFAULT_PORT);
    assertThat(plain.script()).isEmpty();

    assertThatThrownBy(() -> AgiUrl.parse("http://x/y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agi:// or hagi://");
  }
}
