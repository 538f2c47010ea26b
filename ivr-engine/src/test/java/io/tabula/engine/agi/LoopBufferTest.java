package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The loop's reusable buffer: lent to one user at a time, back once that user releases it, and
 * zeroed over what it held before it is lent again.
 */
class LoopBufferTest {

  private static final byte[] DIGITS =
      "200 result=4111111111111111\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSameBufferIsLentAgainOnceItsUserReleasedIt() {
    ByteBuf first = LoopBuffer.READS.lend(0);
    first.writeBytes(DIGITS);
    first.release();

    ByteBuf second = LoopBuffer.READS.lend(0);
    try {
      assertThat(second).isSameAs(first);
      assertThat(second.refCnt()).isEqualTo(2); // the loop's hold and the user's
      assertThat(second.readableBytes()).isZero();
    } finally {
      second.release();
    }
  }

  @Test
  void whatTheLastUserWroteIsZeroedBeforeTheNextLoanEvenIfItDidNotZeroIt() {
    ByteBuf first = LoopBuffer.READS.lend(0);
    first.writeBytes(DIGITS);
    first.release(); // as if the read went to a handler that released it without zeroing

    ByteBuf second = LoopBuffer.READS.lend(0);
    try {
      for (int i = 0; i < DIGITS.length; i++) {
        assertThat(second.getByte(i)).as("byte %d", i).isZero();
      }
    } finally {
      second.release();
    }
  }

  @Test
  void aBufferStillInUseIsNotLentTwice() {
    ByteBuf held = LoopBuffer.WRITES.lend(10);
    try {
      held.writeBytes(DIGITS);
      assertThat(LoopBuffer.WRITES.lend(10)).isNull();
      assertThat(held.readableBytes()).isEqualTo(DIGITS.length); // untouched by the refusal
    } finally {
      held.release();
    }
    ByteBuf again = LoopBuffer.WRITES.lend(10);
    assertThat(again).isNotNull();
    again.release();
  }

  @Test
  void aLineLongerThanTheBufferIsRefused() {
    assertThat(LoopBuffer.WRITES.lend(LoopBuffer.WRITE_CAPACITY + 1)).isNull();
    ByteBuf fits = LoopBuffer.WRITES.lend(LoopBuffer.WRITE_CAPACITY);
    assertThat(fits).isNotNull();
    fits.release();
  }

  @Test
  void eachThreadHasItsOwnBuffer() throws Exception {
    ByteBuf mine = LoopBuffer.READS.lend(0);
    try {
      java.util.concurrent.CompletableFuture<Boolean> otherGotOne =
          new java.util.concurrent.CompletableFuture<>();
      Thread other =
          Thread.ofPlatform()
              .start(
                  () -> {
                    ByteBuf theirs = LoopBuffer.READS.lend(0);
                    otherGotOne.complete(theirs != null && theirs != mine);
                    if (theirs != null) {
                      theirs.release();
                    }
                  });
      assertThat(otherGotOne.get(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      other.join(java.time.Duration.ofMinutes(1));
    } finally {
      mine.release();
    }
  }
}
