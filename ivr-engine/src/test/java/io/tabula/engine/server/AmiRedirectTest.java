package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.ami.AmiEndpoint;
import io.tabula.engine.ami.AmiLink;
import io.tabula.engine.ami.AmiLinkOptions;
import io.tabula.engine.ami.AmiSecret;
import io.tabula.engine.ami.AmiTransfer;
import io.tabula.engine.ami.DialplanTarget;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import io.tabula.engine.session.CallOutcome;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An AMI Redirect of a channel in the middle of a secure collect, through the virtual Asterisk's
 * manager and FastAGI sides together: the engine sees the hangup pattern of observation 6 and
 * zeroes the call's memory, while the channel itself goes on at the redirect target.
 */
class AmiRedirectTest {

  private static final CollectOptions CARD =
      new CollectOptions(16, Duration.ofSeconds(30), Duration.ofSeconds(30), true);

  @Test
  void aRedirectDuringSecureInputLooksLikeAHangupAndZeroesTheCall() throws Exception {
    CompletableFuture<Integer> slot = new CompletableFuture<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          SecretField pan = call.memory().field("pan", 19);
          slot.complete(call.memory().slot());
          try {
            call.collect(new Prompt("enter-card", ""), pan, CARD);
          } catch (RuntimeException e) {
            ended.complete(e);
            throw e;
          }
        };
    CompletableFuture<InputRequest> waitingForKeys = new CompletableFuture<>();
    Caller silentUntilMoved =
        new Caller() {
          @Override
          public CompletionStage<CallerAction> input(InputRequest request) {
            waitingForKeys.complete(request);
            return new CompletableFuture<>(); // never keys anything: the redirect comes first
          }
        };
    try (Engine engine =
            TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler), noMute());
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant());
        VirtualAmiServer ami = VirtualAmiServer.start(VirtualAmiOptions.defaults("u", "s"));
        AmiLink link =
            AmiLink.start(
                new AmiEndpoint("pbx", "127.0.0.1", ami.port(), "u", AmiSecret.of("s")),
                AmiLinkOptions.defaults(),
                new SimpleMeterRegistry())) {
      pbx.acceptRedirectsFrom(ami);
      Map<String, String> header =
          VirtualPbx.defaultHeader(engine.address(), "city/parking", List.of());
      CompletableFuture<CallReport> report = pbx.call(engine.address(), header, silentUntilMoved);
      waitingForKeys.get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> link.health().healthy());

      new AmiTransfer(link)
          .redirect(header.get("agi_channel"), new DialplanTarget("agents", "s", 1));

      CallReport done = report.get(10, TimeUnit.SECONDS);
      assertThat(done.outcome()).isEqualTo(CallReport.Outcome.REDIRECTED);
      assertThat(done.redirectTarget()).isEqualTo("agents,s,1");
      assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(CallEndedException.class);
      await().atMost(Duration.ofSeconds(5)).until(() -> engine.pool().slotsInUse() == 0);
      assertThat(engine.pool().slotIsZero(slot.get())).isTrue();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(engine.metrics().ended(CallOutcome.CALLER_HUNG_UP)).isEqualTo(1);
    }
  }

  @Test
  void aRedirectOfAChannelThatIsNotUpChangesNothing() throws Exception {
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      assertThat(pbx.redirect("Local/none@ivr-00000000;2", "agents,s,1")).isFalse();
    }
  }

  private static io.tabula.engine.ami.RecordingControl noMute() {
    return new io.tabula.engine.session.UnmutedRecordingControl();
  }
}
