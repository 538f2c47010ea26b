package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The secret parameter goes from call memory to the driver's stream, and nowhere else. */
class SecretFieldWriterTest {

  @Test
  void writesTheDigitsIntoTheDriversStreamAndShowsNoneInToString() throws IOException {
    try (CallMemoryPool pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(1));
        CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      SecretField account = memory.field("account", 16);
      for (byte digit : "4001002003".getBytes(StandardCharsets.US_ASCII)) {
        account.append(digit);
      }
      SecretFieldWriter writer = new SecretFieldWriter(account);
      ByteArrayOutputStream driverStream = new ByteArrayOutputStream();

      writer.writeTo(() -> driverStream);

      assertThat(writer.getLength()).isEqualTo(10);
      assertThat(driverStream.toString(StandardCharsets.US_ASCII)).isEqualTo("4001002003");
      assertThat(writer.toString()).doesNotContain("4001002003").contains("masked");
    }
  }

  /**
   * The driver's stream may block on its socket. The call can hang up meanwhile: its memory is
   * zeroed at once, not when the socket write ends, and the statement still gets every digit.
   */
  @Test
  void aHangupWhileTheDriverBlocksZeroesTheCallsMemoryAtOnce() throws Exception {
    try (CallMemoryPool pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(1));
        ExecutorService driver = Executors.newSingleThreadExecutor()) {
      CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
      SecretField account = memory.field("account", 16);
      for (byte digit : "4001002003".getBytes(StandardCharsets.US_ASCII)) {
        account.append(digit);
      }
      SecretFieldWriter writer = new SecretFieldWriter(account);
      CountDownLatch blocked = new CountDownLatch(1);
      CountDownLatch unblock = new CountDownLatch(1);
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      OutputStream socket =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              blocked.countDown();
              try {
                unblock.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
              }
              sent.write(b);
            }
          };
      Future<?> sending =
          driver.submit(
              () -> {
                writer.writeTo(() -> socket);
                return null;
              });
      blocked.await();
      try {
        assertThat(memory.release()).isTrue();
        assertThat(pool.slotIsZero(memory.slot()))
            .as("zeroed at hangup while the driver still blocks")
            .isTrue();
      } finally {
        unblock.countDown();
      }
      sending.get(10, TimeUnit.SECONDS);
      assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("4001002003");
    }
  }

  @Test
  void refusesToSendAFieldThatChangedAfterBinding() {
    try (CallMemoryPool pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(1));
        CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      SecretField account = memory.field("account", 16);
      account.append((byte) '4');
      SecretFieldWriter writer = new SecretFieldWriter(account);
      account.append((byte) '2');

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> writer.writeTo(ByteArrayOutputStream::new))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed");
    }
  }
}
