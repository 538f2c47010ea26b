package io.tabula.engine.residue;

import io.tabula.engine.demo.FlowAwareCaller;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.model.Flow;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.simulate.KeyScript;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drives paid parking-ticket calls through the virtual PBX like the demo's auto caller, one card
 * per call, at most {@code concurrency} calls at once.
 *
 * <pre>{@code
 * Result result = PaidCalls.run(agi, flow, cards, "12345678", 50);
 * assertThat(result.approved()).isEqualTo(cards.size());
 * }</pre>
 */
final class PaidCalls {

  private static final String ROUTE = "city/parking-ticket";

  private PaidCalls() {}

  /**
   * How the calls went, from the callers' side.
   *
   * @param calls calls placed
   * @param approved calls that heard the flow's "approved" prompt
   * @param engineHungUp calls the engine ended with HANGUP (the happy path ends so)
   * @param took from the first call placed to the last call ended
   */
  record Result(int calls, int approved, int engineHungUp, Duration took) {}

  static Result run(
      InetSocketAddress engine, Flow flow, List<KeyedCard> cards, String ticket, int concurrency)
      throws Exception {
    long start = System.nanoTime();
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<CallReport>> calls = new ArrayList<>();
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      for (KeyedCard card : cards) {
        slots.acquire();
        FlowAwareCaller caller =
            FlowAwareCaller.of(flow, KeyScript.parse(card.parkingTicketKeys(ticket)));
        CompletableFuture<CallReport> call = pbx.call(engine, ROUTE, caller);
        call.whenComplete((report, error) -> slots.release());
        calls.add(call);
      }
      // The engine plays a flow's prompt by the sound named after its words, not by its id.
      String approvedSound = PromptSound.of(flow, "approved", flow.promptText("approved")).sound();
      int approved = 0;
      int hungUp = 0;
      for (CompletableFuture<CallReport> call : calls) {
        CallReport report = call.get(60, TimeUnit.SECONDS);
        approved += report.prompts().contains(approvedSound) ? 1 : 0;
        hungUp += report.outcome() == CallReport.Outcome.ENGINE_HUNG_UP ? 1 : 0;
      }
      return new Result(
          calls.size(), approved, hungUp, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
