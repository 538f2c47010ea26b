package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The softphone's call on its own: keys go in one at a time, a secure entry shows as {@code *} and
 * never appears in the transcript, and the call's memory is zeroed however the call ends.
 */
class SoftphoneCallTest {

  private final Clock clock = Clock.systemUTC();
  private final Connectors connectors = DemoConnectors.create(clock);
  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(2, 1024, false, false));
  private final FlowRef ref = new FlowRef("city", "parking-ticket");

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aPaidTicketShowsTheCardAsStarsAndZeroesTheCallMemory() throws Exception {
    CallMemory memory = memory();
    SoftphoneCall call = new SoftphoneCall(ref, flow(), memory, connectors, clock);
    call.start();
    call.settle();

    SoftphoneTranscript.View view = null;
    for (String keys : new String[] {"12345678", "1", "4242424242424242#", "1230", "123#"}) {
      view = press(call, keys);
    }

    assertThat(view.ended()).isTrue();
    assertThat(view.outcome()).isEqualTo("pay-ticket: approved");
    assertThat(view.lines())
        .extracting(SoftphoneTranscript.Line::text)
        .contains("****************#  (secure: digits kept in call memory)")
        .noneMatch(text -> text.contains("424242") || text.contains("1230"));
    assertThat(memory.isReleased()).isTrue();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
  }

  @Test
  void hangingUpInTheMiddleOfTheCardNumberZeroesTheDigitsAlreadyKeyed() throws Exception {
    CallMemory memory = memory();
    SoftphoneCall call = new SoftphoneCall(ref, flow(), memory, connectors, clock);
    call.start();
    call.settle();
    press(call, "12345678");
    press(call, "1");
    press(call, "424242");

    call.press(PhoneKey.HANGUP);
    SoftphoneTranscript.View view = call.settle();

    assertThat(view.ended()).isTrue();
    assertThat(view.lines())
        .last()
        .extracting(SoftphoneTranscript.Line::text)
        .isEqualTo("call ended: caller hung up");
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
  }

  private static SoftphoneTranscript.View press(SoftphoneCall call, String keys)
      throws InterruptedException {
    for (char key : keys.toCharArray()) {
      call.press(PhoneKey.named(key == '#' ? "pound" : String.valueOf(key)).orElseThrow());
    }
    return call.settle();
  }

  private CallMemory memory() {
    if (pool.acquire() instanceof Acquisition.Acquired(CallMemory memory)) {
      return memory;
    }
    throw new AssertionError("the test pool is full");
  }

  private Flow flow() {
    return new FlowCompiler(ConnectorCatalog.of(connectors))
        .compile(
            "city/parking-ticket.yaml",
            ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow())
        .flow()
        .orElseThrow();
  }
}
