package io.tabula.connectors.payment.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.tabula.connectors.payment.ApiKey;
import io.tabula.connectors.payment.SecretReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestHeadTest {

  @TempDir Path directory;

  @Test
  void writesRequestLineHeadersAndTheKeyFromOffHeap() throws Exception {
    Path file = directory.resolve("key");
    Files.writeString(file, "sk_test_1", StandardCharsets.US_ASCII);
    ByteBuf out = ZeroingByteBufAllocator.INSTANCE.buffer();
    try (ApiKey key = ApiKey.load(SecretReference.file(file))) {
      RequestHead head =
          RequestHead.post("/v1/payment_intents", "application/x-www-form-urlencoded")
              .withHeader("Idempotency-Key", "tbl_0123456789")
              .withCredential(Credential.bearer(key));

      head.writeTo(out, "api.example.com", 42);

      assertThat(out.toString(StandardCharsets.US_ASCII))
          .startsWith("POST /v1/payment_intents HTTP/1.1\r\nHost: api.example.com\r\n")
          .contains("Content-Length: 42\r\n")
          .contains("Idempotency-Key: tbl_0123456789\r\n")
          .endsWith("Authorization: Bearer sk_test_1\r\n\r\n");
      assertThat(head.toString()).doesNotContain("sk_test");
    } finally {
      out.release();
    }
  }

  @Test
  void headerValuesWithLineBreaksAreRefused() {
    RequestHead head = RequestHead.post("/x", "application/json");

    assertThatThrownBy(() -> head.withHeader("X-Tenant", "a\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
