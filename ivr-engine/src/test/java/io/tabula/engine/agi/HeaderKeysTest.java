package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderKeysTest {

  @Test
  void aKeyAsteriskSendsIsTheSharedConstant() {
    String line = "agi_uniqueid: 1795421440.21";

    assertThat(key(line, 4, "uniqueid".length())).isSameAs("uniqueid");
    assertThat(key(line, 4, "uniq".length())).isEqualTo("uniq");
  }

  @Test
  void anUnknownKeyIsStillReadInFull() {
    assertThat(key("agi_callerid_tag: x", 4, "callerid_tag".length())).isEqualTo("callerid_tag");
  }

  @Test
  void theLastArgumentKeysAreKnownToo() {
    String line = "agi_arg_9: x agi_arg_10: y";

    assertThat(key(line, 4, 5)).isSameAs("arg_9");
    assertThat(key(line, 17, 6)).isEqualTo("arg_10");
  }

  /** The key in {@code line[from, from + length)}, read from a buffer as the decoder reads it. */
  private static String key(String line, int from, int length) {
    ByteBuf buf = Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII);
    try {
      return HeaderKeys.key(buf, from, length);
    } finally {
      buf.release();
    }
  }
}
