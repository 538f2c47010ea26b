package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.connect.IdempotencyKey;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.PaymentConnector;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.PaymentRequest;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.SecretField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowRunnerTest {

  private static final String PAID = "12345678# 1 4242424242424242# 1230 123";
  private static final io.tabula.flows.port.CallId CALL_ID =
      new io.tabula.flows.port.CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5");

  private CallMemoryPool pool;
  private final Transcript transcript = new Transcript();

  @BeforeEach
  void open() {
    pool = FlowSimulator.smallPool();
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private SimulatedCallPort run(
      Flow flow,
      Connectors connectors,
      Clock clock,
      String keys,
      int failAt,
      Consumer<Prompt> onPlay) {
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    CallInfo info =
        new CallInfo(
            CALL_ID,
            "1732350000.42",
            flow.tenant(),
            flow.name(),
            "SIP/t-1",
            "555",
            "en",
            List.of());
    SimulatedCallPort port =
        new SimulatedCallPort(info, memory, KeySource.script(keys), transcript);
    new FlowRunner(flow, connectors, new RunnerConfig(clock, FlowEvents.NONE))
        .handle(
            new DelegatingCallPort(
                port, failAt, CallPortException.Kind.RECORDING_NOT_MUTED, onPlay));
    assertThat(memory.isReleased()).as("memory zeroed when the call ended").isTrue();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
    return port;
  }

  private SimulatedCallPort run(String keys, Connectors connectors) {
    return run(
        ShippedFlows.load("city/parking-ticket.yaml"),
        connectors,
        ShippedFlows.CLOCK,
        keys,
        0,
        p -> {});
  }

  @Test
  void theRunnerAsksForEveryPromptByTheSoundNamedByItsWords() {
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    List<Prompt> played = new ArrayList<>();
    run(flow, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK, PAID, 0, played::add);

    assertThat(played).isNotEmpty();
    assertThat(played)
        .allSatisfy(p -> assertThat(p.sound()).isEqualTo(PromptSound.name("city", "en", p.text())));
    assertThat(played).extracting(Prompt::id).contains("welcome", "currency-usd-major", "approved");
  }

  @Test
  void aFailingCallCommandRunsOnErrorApologizesAndTransfers() {
    // Operation 4 is the secure card collect: the engine could not mute the recording.
    SimulatedCallPort port =
        run(
            ShippedFlows.load("city/parking-ticket.yaml"),
            DemoConnectors.create(ShippedFlows.CLOCK),
            ShippedFlows.CLOCK,
            PAID,
            12,
            p -> {});
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(port.queue()).isEqualTo("city-parking-agents");
    assertThat(transcript.text())
        .contains("Sorry, something went wrong. Let me connect you to an agent.  [sorry-error]")
        .doesNotContain("Exception")
        .doesNotContain("at io.tabula");
  }

  @Test
  void theErrorPathKeepsTheRecordingMutedAndNamesTheFailedCommandsKind() {
    // Operation 12 is the secure card collect, failing as when the engine could not mute.
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    FlowEvents events =
        new FlowEvents() {
          @Override
          public void error(String stepId, String why) {
            errors.add(stepId + ": " + why);
          }
        };
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    CallInfo info =
        new CallInfo(
            CALL_ID,
            "1732350000.42",
            flow.tenant(),
            flow.name(),
            "SIP/t-1",
            "555",
            "en",
            List.of());
    DelegatingCallPort port =
        new DelegatingCallPort(
            new SimulatedCallPort(info, memory, KeySource.script(PAID), transcript),
            12,
            CallPortException.Kind.RECORDING_NOT_MUTED,
            p -> {});

    new FlowRunner(
            flow,
            DemoConnectors.create(ShippedFlows.CLOCK),
            new RunnerConfig(ShippedFlows.CLOCK, events))
        .handle(port);

    assertThat(errors).singleElement().asString().contains("RECORDING_NOT_MUTED");
    assertThat(port.calls).containsSubsequence("keep-muted", "play sorry-error");
    assertThat(port.calls.indexOf("keep-muted"))
        .isEqualTo(port.calls.indexOf("play sorry-error") - 1);
  }

  @Test
  void cardFieldsAreZeroedRightAfterThePaymentOutcome() {
    List<SecretField> seen = new ArrayList<>();
    List<Integer> lengthsWhenConfirming = new ArrayList<>();
    PaymentConnector spy =
        new PaymentConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_PAY;
          }

          @Override
          public PaymentOutcome charge(PaymentRequest request) {
            seen.addAll(List.of(request.pan(), request.expiry(), request.cvc()));
            return new PaymentOutcome.Approved(
                "123456", "ref-1", request.pan().brand().displayName(), request.pan().lastFour());
          }
        };
    Connectors connectors = Connectors.of(List.copyOf(lookups()), List.of(spy));
    run(
        ShippedFlows.load("city/parking-ticket.yaml"),
        connectors,
        ShippedFlows.CLOCK,
        PAID,
        0,
        prompt -> {
          if (prompt.id().equals("approved")) {
            seen.forEach(field -> lengthsWhenConfirming.add(field.length()));
          }
        });
    assertThat(lengthsWhenConfirming).containsExactly(0, 0, 0);
  }

  private static List<LookupConnector> lookups() {
    Connectors demo = DemoConnectors.create(ShippedFlows.CLOCK);
    return demo.lookupNames().stream().map(name -> demo.lookup(name).orElseThrow()).toList();
  }

  @Test
  void idempotencyKeysComeFromTheEnginesCallIdStepAndAttempt() {
    List<IdempotencyKey> keys = new ArrayList<>();
    PaymentConnector declineFirst =
        new PaymentConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_PAY;
          }

          @Override
          public PaymentOutcome charge(PaymentRequest request) {
            keys.add(request.key());
            return keys.size() == 1
                ? new PaymentOutcome.Declined(io.tabula.flows.connect.DeclineReason.DO_NOT_HONOUR)
                : new PaymentOutcome.Approved("123456", "ref-2", "Visa", "4242");
          }
        };
    run(PAID + " 1 4242424242424242# 1230 123", Connectors.of(lookups(), List.of(declineFirst)));
    assertThat(keys)
        .containsExactly(
            IdempotencyKey.of(CALL_ID, "pay-ticket", 1),
            IdempotencyKey.of(CALL_ID, "pay-ticket", 2))
        .allMatch(key -> key.value().matches("tbl_[0-9a-f]{40}"))
        .noneMatch(key -> key.value().contains("1732350000"));
  }

  private static PaymentConnector answering(PaymentOutcome outcome, List<PaymentRequest> seen) {
    return new PaymentConnector() {
      @Override
      public String name() {
        return DemoConnectors.CITY_PAY;
      }

      @Override
      public PaymentOutcome charge(PaymentRequest request) {
        seen.add(request);
        return outcome;
      }
    };
  }

  @Test
  void anUnknownOutcomeIsNeverRetriedNeverToldAsNotChargedAndIsLoggedForReconciliation() {
    List<PaymentRequest> seen = new ArrayList<>();
    try (LogLines logs = LogLines.of("io.tabula.payments.reconcile")) {
      SimulatedCallPort port =
          run(
              PAID,
              Connectors.of(
                  lookups(), List.of(answering(new PaymentOutcome.Unknown("timeout"), seen))));
      IdempotencyKey key = IdempotencyKey.of(CALL_ID, "pay-ticket", 1);
      assertThat(seen).hasSize(1);
      assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
      assertThat(transcript.text())
          .contains("We could not confirm your payment.")
          .contains("please do not pay again")
          .contains("[digits " + key.checkCode() + "]")
          .doesNotContain("not charged");
      assertThat(logs.lines())
          .singleElement()
          .asString()
          .contains("tenant=city", "idempotency_key=" + key.value(), "reference=12345678")
          .contains("check_code=" + key.checkCode(), "call_id=" + CALL_ID.hex())
          .doesNotContain("4242", "1230");
    }
  }

  @Test
  void aConnectorThatThrowsHasAnUnknownOutcomeNotAnError() {
    PaymentConnector broken =
        new PaymentConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_PAY;
          }

          @Override
          public PaymentOutcome charge(PaymentRequest request) {
            throw new IllegalStateException("socket closed mid-reply");
          }
        };
    run(PAID, Connectors.of(lookups(), List.of(broken)));
    assertThat(transcript.text()).contains("[payment-unknown]").doesNotContain("not charged");
  }

  @Test
  void aCertainFailureSaysNotCharged() {
    run(
        PAID,
        Connectors.of(
            lookups(),
            List.of(answering(new PaymentOutcome.Failed("connect"), new ArrayList<>()))));
    assertThat(transcript.text()).contains("your card was not charged.  [payment-failed]");
  }

  @Test
  void aSetMoneyLiteralIsInTheFlowsCurrency() throws Exception {
    List<PaymentRequest> seen = new ArrayList<>();
    String yaml =
        java.nio.file.Files.readString(ShippedFlows.file("city/parking-ticket.yaml"))
                .replace("currency: USD", "currency: EUR")
                .replace(
                    "    next: pay-ticket\n    on_failure: to-agent",
                    "    next: fee\n    on_failure: to-agent")
                .replace("      amount: balance", "      amount: fee")
            + "\n  fee:\n    set: {name: fee, type: money, value: \"2.50\"}\n    next: pay-ticket\n";
    Flow flow =
        new io.tabula.flows.validate.FlowCompiler(ShippedFlows.catalog())
            .compile("p.yaml", yaml)
            .flow()
            .orElseThrow(() -> new AssertionError(yaml));
    run(
        flow,
        Connectors.of(
            lookups(),
            List.of(answering(new PaymentOutcome.Approved("123456", "r", "Visa", "4242"), seen))),
        ShippedFlows.CLOCK,
        PAID,
        0,
        p -> {});
    assertThat(seen)
        .singleElement()
        .extracting(r -> r.amount().currency().getCurrencyCode())
        .isEqualTo("EUR");
  }

  @Test
  void aChargeThatOutlivesItsStepTimeoutIsJoinedNeverDoubledAndKeepsItsCard() throws Exception {
    java.util.concurrent.atomic.AtomicInteger running =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostAtOnce =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Integer> panLengthAtTheEnd = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch lateReply = new CountDownLatch(1);
    PaymentConnector slow =
        new PaymentConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_PAY;
          }

          @Override
          public PaymentOutcome charge(PaymentRequest request) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              // A processor that answers after the step's timeout; an interrupt does not stop it.
              // A processor that answers 300 ms after the step's timeout interrupted the wait.
              try {
                lateReply.await(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                // The step's timeout: the request is on the wire all the same.
              }
              try {
                lateReply.await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              panLengthAtTheEnd.add(request.pan().length());
              return new PaymentOutcome.Approved("123456", "ref-late", "Visa", "4242");
            } finally {
              running.decrementAndGet();
            }
          }
        };
    String yaml =
        java.nio.file.Files.readString(ShippedFlows.file("city/parking-ticket.yaml"))
            .replace("timeout: 4m", "timeout: 100ms");
    Flow flow =
        new io.tabula.flows.validate.FlowCompiler(ShippedFlows.catalog())
            .compile("p.yaml", yaml)
            .flow()
            .orElseThrow();
    SimulatedCallPort port =
        run(flow, Connectors.of(lookups(), List.of(slow)), ShippedFlows.CLOCK, PAID, 0, p -> {});
    lateReply.countDown();
    assertThat(mostAtOnce.get()).as("attempts in flight at once").isEqualTo(1);
    assertThat(panLengthAtTheEnd).as("card number while the charge ran").containsExactly(16);
    assertThat(transcript.text()).doesNotContain("not charged").contains("[approved]");
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.HANGUP);
  }

  @Test
  void aCallEndingDuringAChargeStillWaitsForItBeforeZeroingTheCard() {
    List<String> logged = chargeWhileTheEngineShutsDown(new PaymentOutcome.Unknown("shutdown"));
    assertThat(logged).singleElement().asString().contains("unknown", "idempotency_key=tbl_");
  }

  @Test
  void anApprovalTheCallerNeverHeardIsLoggedForFollowUp() {
    List<String> logged =
        chargeWhileTheEngineShutsDown(
            new PaymentOutcome.Approved("123456", "ch_1", "Visa", "4242"));
    assertThat(logged)
        .singleElement()
        .asString()
        .contains("approved but the call ended before the caller heard it", "reference=12345678");
  }

  /**
   * Runs the parking flow to its pay step, whose connector sees the engine shut down (the flow
   * thread interrupted) while its request is on the wire, and answers {@code answer} 300 ms later.
   * Returns the reconciliation log lines.
   */
  private List<String> chargeWhileTheEngineShutsDown(PaymentOutcome answer) {
    Thread flowThread = Thread.currentThread();
    List<Integer> panLengthAtTheEnd = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch never = new CountDownLatch(1);
    PaymentConnector interrupted =
        new PaymentConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_PAY;
          }

          @Override
          public PaymentOutcome charge(PaymentRequest request) {
            flowThread.interrupt();
            long replyAt = System.nanoTime() + 300_000_000L; // the processor's reply, unstoppable
            for (long left = 1; left > 0; left = replyAt - System.nanoTime()) {
              try {
                never.await(left, java.util.concurrent.TimeUnit.NANOSECONDS);
              } catch (InterruptedException e) {
                // An interrupt does not recall a request already sent.
              }
            }
            panLengthAtTheEnd.add(request.pan().length());
            return answer;
          }
        };
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    CallInfo info =
        new CallInfo(CALL_ID, "1.1", "city", "parking-ticket", "SIP/t", "", "en", List.of());
    SimulatedCallPort port =
        new SimulatedCallPort(info, memory, KeySource.script(PAID), transcript);
    try (LogLines logs = LogLines.of("io.tabula.payments.reconcile")) {
      new FlowRunner(
              ShippedFlows.load("city/parking-ticket.yaml"),
              Connectors.of(lookups(), List.of(interrupted)),
              new RunnerConfig(ShippedFlows.CLOCK, FlowEvents.NONE))
          .handle(port);
      assertThat(Thread.interrupted()).as("the interrupt is kept for the engine").isTrue();
      assertThat(panLengthAtTheEnd).as("card number while the charge ran").containsExactly(16);
      assertThat(memory.fields()).allMatch(SecretField::isEmpty);
      assertThat(transcript.text()).doesNotContain("not charged");
      return logs.lines();
    } finally {
      Thread.interrupted();
      memory.release();
    }
  }

  @Test
  void theCallTimeLimitEndsTheFlowThroughOnError() {
    Clock ticking =
        new Clock() {
          private Instant now = Instant.parse("2026-11-23T09:00:00Z");

          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            now = now.plus(Duration.ofMinutes(2)); // every look at the clock is two minutes later
            return now;
          }
        };
    SimulatedCallPort port =
        run(
            ShippedFlows.load("city/parking-ticket.yaml"),
            DemoConnectors.create(ShippedFlows.CLOCK),
            ticking,
            "12345678# 2 2 2 2 2 2 2 2 2",
            0,
            p -> {});
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(transcript.text()).contains("[sorry-error]");
  }

  @Test
  void aLookupThatDoesNotAnswerInTimeTakesTheErrorBranch() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    LookupConnector stuck =
        new LookupConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_RECORDS;
          }

          @Override
          public LookupResult lookup(io.tabula.flows.connect.LookupRequest request) {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new LookupResult.NotFound();
          }
        };
    String yaml =
        java.nio.file.Files.readString(ShippedFlows.file("city/parking-ticket.yaml"))
            .replace("timeout: 5s", "timeout: 100ms");
    Flow flow =
        new io.tabula.flows.validate.FlowCompiler(ShippedFlows.catalog())
            .compile("p.yaml", yaml)
            .flow()
            .orElseThrow();
    SimulatedCallPort port =
        run(
            flow,
            Connectors.of(List.of(stuck), List.of()),
            ShippedFlows.CLOCK,
            "12345678#",
            0,
            p -> {});
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(transcript.text()).contains("Our ticket system is not answering right now.");
  }

  @Test
  void aLookupThatIgnoresInterruptsStillCannotHoldTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LookupConnector deaf =
        new LookupConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_RECORDS;
          }

          @Override
          public LookupResult lookup(io.tabula.flows.connect.LookupRequest request) {
            boolean done = false;
            while (!done) {
              try {
                done = release.await(1, java.util.concurrent.TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                // A badly written driver: swallows the interrupt and keeps waiting.
              }
            }
            return new LookupResult.NotFound();
          }
        };
    String yaml =
        java.nio.file.Files.readString(ShippedFlows.file("city/parking-ticket.yaml"))
            .replace("timeout: 5s", "timeout: 100ms");
    Flow flow =
        new io.tabula.flows.validate.FlowCompiler(ShippedFlows.catalog())
            .compile("p.yaml", yaml)
            .flow()
            .orElseThrow();
    try {
      SimulatedCallPort port =
          run(
              flow,
              Connectors.of(List.of(deaf), List.of()),
              ShippedFlows.CLOCK,
              "12345678#",
              0,
              p -> {});
      assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aLookupAnswerOfTheWrongTypeTakesTheErrorBranch() {
    LookupConnector wrong =
        new LookupConnector() {
          @Override
          public String name() {
            return DemoConnectors.CITY_RECORDS;
          }

          @Override
          public LookupResult lookup(io.tabula.flows.connect.LookupRequest request) {
            return new LookupResult.Found(
                java.util.Map.of(
                    "balance",
                    new io.tabula.flows.connect.Value.Text("lots"),
                    "due_date",
                    new io.tabula.flows.connect.Value.Date(java.time.LocalDate.of(2026, 12, 1))));
          }
        };
    SimulatedCallPort port = run("12345678#", Connectors.of(List.of(wrong), List.of()));
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(transcript.text()).contains("Our ticket system is not answering right now.");
  }
}
