package io.tabula.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

  private final SearchKey key = SearchKey.generate();

  @Test
  void the_same_value_of_the_same_field_and_tenant_gives_the_same_index() {
    assertThat(BlindIndex.of(key, "city", "ticket", "12345678"))
        .isEqualTo(BlindIndex.of(key, "city", "ticket", "12345678"))
        .hasSize(32);
  }

  @Test
  void nothing_but_the_exact_value_matches() {
    byte[] exact = BlindIndex.of(key, "city", "ticket", "12345678");
    for (String other : new String[] {"1234567", "123456789", "12345679", "", "*", "%", "1234"}) {
      assertThat(BlindIndex.of(key, "city", "ticket", other)).as(other).isNotEqualTo(exact);
    }
    assertThat(BlindIndex.of(key, "city", "account", "12345678")).isNotEqualTo(exact);
    assertThat(BlindIndex.of(key, "utility", "ticket", "12345678")).isNotEqualTo(exact);
    assertThat(BlindIndex.of(SearchKey.generate(), "city", "ticket", "12345678"))
        .isNotEqualTo(exact);
  }

  @Test
  void field_and_tenant_boundaries_cannot_be_shifted() {
    assertThat(BlindIndex.of(key, "ab", "c", "1")).isNotEqualTo(BlindIndex.of(key, "a", "bc", "1"));
  }

  @Test
  void digits_read_from_call_memory_index_like_the_typed_value() {
    try (CallMemoryPool pool = io.tabula.flows.simulate.FlowSimulator.smallPool();
        CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      SecretField field = memory.field("ticket", 20);
      for (byte b : "12345678".getBytes(StandardCharsets.US_ASCII)) {
        field.append(b);
      }
      byte[] fromMemory = field.read(digits -> BlindIndex.of(key, "city", "ticket", digits));
      assertThat(fromMemory).isEqualTo(BlindIndex.of(key, "city", "ticket", "12345678"));
    }
  }
}
