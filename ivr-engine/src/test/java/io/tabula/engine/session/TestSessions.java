package io.tabula.engine.session;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import java.security.SecureRandom;
import java.util.List;

/** Call sessions for tests of what surrounds a call: an embedded channel, no call memory. */
public final class TestSessions {

  private static final SecureRandom IDS = new SecureRandom();

  private TestSessions() {}

  /** A routed-looking call ({@code city/parking}) on its own {@link EmbeddedChannel}. */
  public static CallSession detached() {
    CallInfo info =
        new CallInfo(CallId.random(IDS), "1.1", "city", "parking", "PJSIP/1", "", "en", List.of());
    return new CallSession(
        new EmbeddedChannel(),
        info,
        null,
        new InFlightCommands(),
        new EngineMetrics(new SimpleMeterRegistry()),
        CallSettings.defaults());
  }
}
