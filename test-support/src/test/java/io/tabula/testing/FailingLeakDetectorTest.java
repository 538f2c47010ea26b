package io.tabula.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class FailingLeakDetectorTest {

  @Test
  void aBufferThatIsNeverReleasedIsRecordedAsALeak() throws InterruptedException {
    FailingLeakDetector.forgetLeaks();
    allocateAndDropWithoutRelease();

    LeakCheckExtension.collectGarbageAndWaitForEnqueue();
    FailingLeakDetector.pollAll();

    assertThat(FailingLeakDetector.leaks())
        .isNotEmpty()
        .allSatisfy(leak -> assertThat(leak).contains("was not released"));
    // This leak was made on purpose; do not let the class-level gate fail on it.
    FailingLeakDetector.forgetLeaks();
  }

  @Test
  void aReleasedBufferIsNotALeak() throws InterruptedException {
    FailingLeakDetector.forgetLeaks();
    ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    buffer.writeLong(42);
    buffer.release();

    LeakCheckExtension.collectGarbageAndWaitForEnqueue();
    FailingLeakDetector.pollAll();

    assertThat(FailingLeakDetector.leaks()).isEmpty();
  }

  private static void allocateAndDropWithoutRelease() {
    ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    leaked.writeInt(7);
  }
}
