package io.tabula.connectors.payment.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.IdempotencyKey;
import io.tabula.connectors.payment.PaymentMetadata;
import io.tabula.connectors.payment.TestCards;
import io.tabula.connectors.payment.http.ZeroingByteBufAllocator;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class BodyTemplateTest {

  @Test
  void cardDigitsAndEscapedValuesLandInTheirPlaces() {
    BodyTemplate template =
        BodyTemplate.compile(
            "{\"pan\":\"{{pan}}\",\"exp\":\"{{ exp_month }}/{{exp_yy}}\",\"y\":{{exp_year}},"
                + "\"cvc\":\"{{cvc}}\",\"amt\":\"{{amount}}\",\"ref\":\"{{reference}}\"}");
    try (CallMemoryPool pool = CallMemoryPool.open(new CallMemoryPoolConfig(1, 256, false, false));
        CallMemory call = TestCards.newCall(pool)) {
      ChargeRequest request =
          new ChargeRequest(
              new BigDecimal("7.5"),
              Currency.getInstance("EUR"),
              TestCards.key(call, "4242424242424242", "0429", "987"),
              IdempotencyKey.forAttempt("c1", 1),
              new PaymentMetadata("t", "f", "say \"hi\"\\"));
      ByteBuf out = ZeroingByteBufAllocator.INSTANCE.buffer();
      try {
        template.render(request, out);

        assertThat(out.toString(StandardCharsets.UTF_8))
            .isEqualTo(
                "{\"pan\":\"4242424242424242\",\"exp\":\"04/29\",\"y\":2029,\"cvc\":\"987\","
                    + "\"amt\":\"7.5\",\"ref\":\"say \\\"hi\\\"\\\\\"}");
      } finally {
        out.release();
      }
    }
  }
}
