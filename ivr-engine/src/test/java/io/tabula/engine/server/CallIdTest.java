package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.connect.IdempotencyKey;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Payment keys come from the engine's own call id, never from Asterisk's uniqueid. */
class CallIdTest {

  @Test
  void twoAsterisksSendingTheSameUniqueIdGetDifferentCallIdsAndPaymentKeys() throws Exception {
    List<CallInfo> seen = new CopyOnWriteArrayList<>();
    CallHandler recordAndHangUp =
        call -> {
          seen.add(call.info());
          call.hangup();
        };
    try (Engine engine = TestEngines.start(4, (tenant, flow) -> Optional.of(recordAndHangUp));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      for (int i = 0; i < 2; i++) {
        // Two Asterisks, both on their first call of the same second: the same agi_uniqueid.
        Map<String, String> header =
            new HashMap<>(VirtualPbx.defaultHeader(engine.address(), "city/pay", List.of()));
        header.put("agi_uniqueid", "1795421440.1");
        pbx.call(engine.address(), header, ScriptedCaller.keys("")).get(10, TimeUnit.SECONDS);
      }
    }
    assertThat(seen).hasSize(2).allMatch(info -> info.uniqueId().equals("1795421440.1"));
    assertThat(seen).allMatch(info -> info.callId().hex().matches("[0-9a-f]{32}"));
    assertThat(seen.get(0).callId()).isNotEqualTo(seen.get(1).callId());
    assertThat(IdempotencyKey.of(seen.get(0).callId(), "pay", 1))
        .isNotEqualTo(IdempotencyKey.of(seen.get(1).callId(), "pay", 1));
  }
}
