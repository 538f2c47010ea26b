package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The header keeps its values as bytes and makes strings when asked (session 11): what it answers
 * must be what the map of strings it replaced answered, for known and unknown keys, keys sent
 * twice, arguments and UTF-8 values.
 */
class HeaderBlockTest {

  @Test
  void valuesAreReadAsTheyWereSentInWireOrder() {
    AgiHeader header =
        header(
            "agi_network_script: city/parking?lang=en",
            "agi_callerid: 4930123",
            "agi_calleridname: Jürgen Ärger",
            "agi_uniqueid: 1795421440.21",
            "agi_accountcode: ");

    assertThat(header.networkScript()).isEqualTo("city/parking?lang=en");
    assertThat(header.uniqueId()).isEqualTo("1795421440.21");
    assertThat(header.get("calleridname")).contains("Jürgen Ärger");
    assertThat(header.get("accountcode")).contains("");
    assertThat(header.get("channel")).isEmpty();
    assertThat(header.channel()).isEmpty();
    assertThat(header.arguments()).isEmpty();
    assertThat(header.variables())
        .containsExactly(
            java.util.Map.entry("network_script", "city/parking?lang=en"),
            java.util.Map.entry("callerid", "4930123"),
            java.util.Map.entry("calleridname", "Jürgen Ärger"),
            java.util.Map.entry("uniqueid", "1795421440.21"),
            java.util.Map.entry("accountcode", ""));
  }

  @Test
  void aKeySentTwiceKeepsItsFirstPlaceAndItsLastValue() {
    AgiHeader header =
        header(
            "agi_channel: first",
            "agi_newer_key: a",
            "agi_language: en",
            "agi_channel: second",
            "agi_newer_key: b");

    assertThat(header.channel()).isEqualTo("second");
    assertThat(header.getOrEmpty("newer_key")).isEqualTo("b");
    assertThat(header.variables().keySet()).containsExactly("channel", "newer_key", "language");
    assertThat(header.variables()).containsEntry("channel", "second").hasSize(3);
  }

  @Test
  void argumentsBeyondTheKnownKeysAreReadToo() {
    String[] lines = new String[11];
    for (int n = 1; n <= 11; n++) {
      lines[n - 1] = "agi_arg_" + n + ": v" + n;
    }
    AgiHeader header = header(lines);

    assertThat(header.arguments())
        .containsExactly("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11");
    assertThat(header.get("arg_10")).contains("v10");
    assertThat(header.get("unknown")).isEmpty();
  }

  @Test
  void aLargeHeaderGrowsItsArraysAndKeepsEveryValue() {
    String[] lines = new String[80];
    for (int n = 0; n < lines.length; n++) {
      lines[n] = "agi_key_" + n + ": " + "x".repeat(20) + n;
    }
    AgiHeader header = header(lines);

    assertThat(header.variables()).hasSize(80);
    assertThat(header.getOrEmpty("key_79")).isEqualTo("x".repeat(20) + 79);
    assertThat(header.arguments()).isEqualTo(List.of());
  }

  private static AgiHeader header(String... lines) {
    HeaderBlock block = new HeaderBlock(64 * 1024);
    for (String line : lines) {
      assertThat(accept(block, line)).isNull();
    }
    AgiHeader header = accept(block, "");
    assertThat(header).isNotNull();
    return header;
  }

  private static AgiHeader accept(HeaderBlock block, String line) {
    ByteBuf buf = Unpooled.copiedBuffer(line, StandardCharsets.UTF_8);
    try {
      return block.accept(buf, buf.readerIndex(), buf.writerIndex());
    } finally {
      buf.release();
    }
  }
}
