package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
