package io.tabula.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyTest {

  @TempDir Path directory;

  @Test
  void fileKeyIsWrittenIntoTheBufferWithoutItsTrailingNewline() throws Exception {
    Path file = directory.resolve("key");
    Files.writeString(file, "sk_test_abc123\n", StandardCharsets.US_ASCII);
    ByteBuf out = Unpooled.buffer();
    try (ApiKey key = ApiKey.load(SecretReference.file(file))) {
      key.writeTo(out);

      assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("sk_test_abc123");
      assertThat(key.toString()).doesNotContain("sk_test").contains(file.toString());
    } finally {
      out.release();
    }
  }

  @Test
  void closedKeyCannotBeWrittenAgain() throws Exception {
    Path file = directory.resolve("key");
    Files.writeString(file, "sk_test_abc123", StandardCharsets.US_ASCII);
    ApiKey key = ApiKey.load(SecretReference.file(file));
    key.close();
    key.close();
    ByteBuf out = Unpooled.buffer();
    try {
      assertThatThrownBy(() -> key.writeTo(out)).isInstanceOf(IllegalStateException.class);
      assertThat(out.readableBytes()).isZero();
    } finally {
      out.release();
    }
  }

  @Test
  void missingFileSaysWhatToCheckAndNamesTheReferenceOnly() {
    Path missing = directory.resolve("nope");

    assertThatThrownBy(() -> ApiKey.load(SecretReference.file(missing)))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("file:" + missing)
        .hasMessageContaining("check that the file exists");
  }

  @Test
  void keyWithALineBreakInsideIsRefusedSoItCannotInjectHeaders() throws Exception {
    Path file = directory.resolve("key");
    Files.writeString(file, "sk_test\r\nX-Evil: 1", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> ApiKey.load(SecretReference.file(file)))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageNotContaining("sk_test");
  }

  @Test
  void unsetEnvironmentVariableIsAClearError() {
    assertThatThrownBy(() -> ApiKey.load(SecretReference.parse("env:TABULA_NO_SUCH_KEY_VAR")))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("env:TABULA_NO_SUCH_KEY_VAR");
  }

  @Test
  void referenceMustSayFileOrEnv() {
    assertThatThrownBy(() -> SecretReference.parse("sk_live_oops"))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("file: or env:");
  }
}
