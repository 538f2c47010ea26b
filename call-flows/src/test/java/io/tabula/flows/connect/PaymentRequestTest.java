package io.tabula.flows.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.port.CallId;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

  private static final CallId CALL = new CallId("00112233445566778899aabbccddeeff");

  private static PaymentRequest request(CallMemory memory, Map<String, String> metadata) {
    return new PaymentRequest(
        "city",
        new Value.Money(new BigDecimal("45.00"), Currency.getInstance("USD")),
        memory.field("pan", 19),
        memory.field("expiry", 4),
        memory.field("cvc", 4),
        IdempotencyKey.of(CALL, "pay", 1),
        metadata);
  }

  @Test
  void metadataKeepsTheFlowsOrderSoTheReferenceIsTheSameOnEveryEngine() {
    Map<String, String> metadata = new LinkedHashMap<>();
    List<String> names = IntStream.rangeClosed(1, 12).mapToObj(i -> "m" + (13 - i)).toList();
    names.forEach(name -> metadata.put(name, "value-of-" + name));
    try (CallMemoryPool pool = FlowSimulator.smallPool();
        CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      PaymentRequest request = request(memory, metadata);
      assertThat(request.metadata().keySet()).containsExactlyElementsOf(names);
      assertThat(request.reference()).isEqualTo("value-of-m12");
      metadata.put("reference", "T-1");
      assertThat(request(memory, metadata).reference()).isEqualTo("T-1");
      assertThat(request(memory, Map.of()).reference()).isEqualTo(request.key().value());
    }
  }

  @Test
  void keysDifferPerCallStepAndAttemptAndTheCheckCodeIsEightDigits() {
    IdempotencyKey one = IdempotencyKey.of(CALL, "pay", 1);
    assertThat(one).isEqualTo(IdempotencyKey.of(CALL, "pay", 1));
    assertThat(
            List.of(
                IdempotencyKey.of(CALL, "pay", 2),
                IdempotencyKey.of(CALL, "pay-2", 1),
                IdempotencyKey.of(new CallId("ffeeddccbbaa99887766554433221100"), "pay", 1)))
        .doesNotContain(one);
    assertThat(one.value()).matches("tbl_[0-9a-f]{40}");
    assertThat(one.checkCode()).matches("[0-9]{8}").isEqualTo(one.checkCode());
  }
}
