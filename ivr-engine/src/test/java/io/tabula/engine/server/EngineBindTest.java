package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.port.CallHandlers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineBindTest {

  @Test
  void aFastAgiPortInUseIsOneLineNamingThePortTheSettingAndTheFix() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CallHandlers none = (tenant, flow) -> Optional.empty();

      assertThatThrownBy(() -> TestEngines.start(TestEngines.config(2).withPort(port), none))
          .isInstanceOf(EngineStartException.class)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .isEqualTo(
                          "cannot listen for FastAGI on 127.0.0.1:"
                              + port
                              + ": the port is in use (another engine or program listens there);"
                              + " stop it, or set agi.port (TABULA_AGI_PORT) to a free port"));
    }
  }
}
