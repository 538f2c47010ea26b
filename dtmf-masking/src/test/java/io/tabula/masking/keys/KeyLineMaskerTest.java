package io.tabula.masking.keys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.tabula.masking.log.MaskingAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyLineMaskerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DTMF end '4' received on PJSIP/a-00000001, duration 100 ms"
            + "|DTMF end '***' received on PJSIP/a-00000001, duration 100 ms",
        "DTMF begin '#' received on PJSIP/a-00000001|DTMF begin '***' received on PJSIP/a-00000001",
        "DTMF begin ignored '5' on Local/card@ivr-00000001;2|DTMF begin ignored '***' on"
            + " Local/card@ivr-00000001;2",
        "DTMF end passthrough '5' on Local/x;2|DTMF end passthrough '***' on Local/x;2",
        "<PJSIP/a-00000001>AGI Tx >> 200 result=52|<PJSIP/a-00000001>AGI Tx >> 200 result=***",
        "<< 200 result=53 endpos=800|<< 200 result=*** endpos=800",
        "<< 200 result=4 (timeout)|<< 200 result=*** (timeout)",
        "Signal=4|Signal=***",
        "body: Signal= 11\\r\\nDuration=160|body: Signal= ***\\r\\nDuration=160",
        "Got  RTP RFC2833 from   10.0.0.1:17000 (type 101, seq 000101, ts 016000, len 000004,"
            + " mark 0, event 00000004, end 1, duration 00800)"
            + "|Got  RTP RFC2833 from   10.0.0.1:17000 (type 101, seq 000101, ts 016000,"
            + " len 000004, mark 0, event ***, end 1, duration 00800)",
        "    Event ID: DTMF Four 4 (4)|    Event ID: DTMF *** ",
        "RTP EVENT 58 Payload type=RTP Event, DTMF Star *|RTP EVENT 58 Payload type=RTP Event,"
            + " DTMF ***",
        "two keys: Signal=1 and Signal=2|two keys: Signal=*** and Signal=***"
      })
  void masksTheKeyInEveryKeyLine(String line, String masked) {
    assertThat(KeyLineMasker.mask(line)).isEqualTo(masked.replace(" DTMF *** ", " DTMF ***"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api/v1/tickets/12345678 200 in 3 ms",
        "upstream status=200 result=ok",
        "<PJSIP/a-00000001>AGI Tx >> 200 result=-1",
        "<PJSIP/a-00000001>AGI Rx << WAIT FOR DIGIT 5000",
        "Call-ID: 8f3a1c2e-77a1@10.1.2.3",
        "SIGTERM received, signal handler ran",
        "DTMF detector config: twist 8 dB",
        ""
      })
  void leavesOtherLinesAsTheSameString(String line) {
    assertThat(KeyLineMasker.mask(line)).isSameAs(line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"asterisk-22.10.1-full-dtmf-agi-debug.txt", "fastagi-card-entry.txt"})
  void theLoggingLayerLeavesNoKeyOfARealCallInAnyLine(String fixture) throws IOException {
    LoggerContext context = new LoggerContext();
    List<String> written = new ArrayList<>();
    AppenderBase<ILoggingEvent> sink =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            written.add(event.getFormattedMessage());
          }
        };
    sink.setContext(context);
    sink.start();
    MaskingAppender masking = new MaskingAppender();
    masking.setContext(context);
    masking.addAppender(sink);
    masking.start();
    Logger log = context.getLogger("io.tabula.pbx");
    log.addAppender(masking);

    List<String> lines = resource(fixture);
    for (String line : lines) {
      log.info("{}", line);
    }
    context.stop();

    assertThat(written).hasSameSizeAs(lines);
    Pattern keyLeft =
        Pattern.compile("DTMF (begin|end)[a-z ]*'[0-9*#A-D]'|200 result=\\d|Signal=\\s*\\w");
    for (String line : written) {
      assertThat(keyLeft.matcher(line).find()).as(line).isFalse();
    }
    String all = String.join("\n", written);
    assertThat(all).doesNotContain("4242424242424242", "result=1228", "result=123");
    if (fixture.startsWith("asterisk")) {
      assertThat(all).contains("DTMF end '***' received on", "AGI Tx >> 200 result=***");
    }
  }

  private List<String> resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
