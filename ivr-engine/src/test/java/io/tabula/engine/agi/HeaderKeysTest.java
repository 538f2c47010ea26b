package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderKeysTest {

  @Test
  void aKeyAsteriskSendsIsTheSharedConstant() {
    ByteBuf line = ascii("agi_uniqueid: 1795421440.21");
    try {
      assertThat(HeaderKeys.key(line, 4, "uniqueid".length())).isSameAs("uniqueid");
      assertThat(HeaderKeys.key(line, 4, "uniq".length())).isEqualTo("uniq");
    } finally {
      line.release();
    }
  }

  @Test
  void anUnknownKeyIsStillReadInFull() {
    ByteBuf line = ascii("agi_callerid_tag: x");
    try {
      assertThat(HeaderKeys.key(line, 4, "callerid_tag".length())).isEqualTo("callerid_tag");
    } finally {
      line.release();
    }
  }

  @Test
  void theLastArgumentKeysAreKnownToo() {
    ByteBuf line = ascii("agi_arg_9: x agi_arg_10: y");
    try {
      assertThat(HeaderKeys.key(line, 4, 5)).isSameAs("arg_9");
      assertThat(HeaderKeys.key(line, 17, 6)).isEqualTo("arg_10");
    } finally {
      line.release();
    }
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}
