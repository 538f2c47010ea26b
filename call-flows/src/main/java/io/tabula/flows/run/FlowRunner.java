package io.tabula.flows.run;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.BlockingCallSteps;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.SteppedCallHandler;
import java.util.function.Consumer;

/**
 * The interpreter: runs one validated flow on one call, through the {@link CallSteps} (or a
 * blocking {@link CallPort}, through the same machine) and the connectors only. Every path ends in
 * a hangup or a transfer; any failure runs the flow's {@code on_error} (by default "sorry" and a
 * transfer to an agent), never a stack trace in the call; the agent key leaves any step that allows
 * it; the call's time limit is checked before every step.
 *
 * <p>One interpreter, two ways to drive it: {@link #start(CallSteps, Consumer)} runs the call as a
 * state machine with no thread (the engine, from the call's event loop), {@link #handle(CallPort)}
 * runs the same machine over a blocking port on the caller's thread and returns when the call is
 * over.
 *
 * <pre>{@code
 * FlowRunner runner = new FlowRunner(flow, connectors, RunnerConfig.defaults());
 * runner.start(steps, failure -> engineEndsTheCall(failure)); // returns at once
 * runner.handle(port);                                         // returns when the call is over
 * }</pre>
 */
public final class FlowRunner implements SteppedCallHandler {

  /** Said when a flow has no on_error prompt of its own. */
  static final Prompt DEFAULT_SORRY =
      new Prompt("tabula-sorry", BuiltInWords.sorry(Flow.DEFAULT_LANGUAGE));

  private final Flow flow;
  private final Connectors connectors;
  private final RunnerConfig config;
  private final SharedFlow shared;

  /**
   * The events of a call without a journal: the same for every such call (it keeps nothing of its
   * own), so made once here, not two wrappers per call in progress.
   */
  private final CallJournal eventsAlone;

  public FlowRunner(Flow flow, Connectors connectors, RunnerConfig config) {
    this.flow = flow;
    this.connectors = connectors;
    this.config = config;
    this.shared = new SharedFlow(flow);
    this.eventsAlone = CallJournal.of(config.events());
  }

  public Flow flow() {
    return flow;
  }

  @Override
  public void handle(CallPort call) {
    handle(call, CallJournal.NONE);
  }

  /**
   * Runs the call and tells {@code journal} what happened, then that the call is over ({@link
   * CallJournal#finished()}), however the flow ended.
   */
  public void handle(CallPort call, CallJournal journal) {
    Ending ending = new Ending();
    start(new BlockingCallSteps(call), journal, ending);
    ending.rethrow();
  }

  @Override
  public void start(CallSteps call, Consumer<RuntimeException> ended) {
    start(call, CallJournal.NONE, ended);
  }

  /**
   * {@link #handle(CallPort, CallJournal)} without a thread: {@code journal} hears what happened,
   * then that the call is over, before {@code ended} runs.
   */
  public void start(CallSteps call, CallJournal journal, Consumer<RuntimeException> ended) {
    CallJournal events =
        journal == CallJournal.NONE ? eventsAlone : CallJournal.alongside(config.events(), journal);
    FlowMachine machine;
    try {
      machine = new FlowMachine(shared, connectors, config.clock(), events, journal, call, ended);
    } catch (RuntimeException e) {
      // The call's memory or its info failed before the flow began: the call is over all the same.
      try {
        journal.finished();
      } finally {
        ended.accept(e);
      }
      return;
    }
    machine.start();
  }

  /**
   * What ended a machine run over the blocking adapter, which answers every command before it
   * returns: so the machine has ended by the time {@code start} returns.
   */
  private static final class Ending implements Consumer<RuntimeException> {
    private boolean ended;
    private RuntimeException failure;

    @Override
    public void accept(RuntimeException failure) {
      this.ended = true;
      this.failure = failure;
    }

    void rethrow() {
      if (!ended) {
        throw new IllegalStateException(
            "the flow stopped without ending over a blocking port; this is a bug in the"
                + " interpreter, please report it with the flow");
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * What went wrong, for the log: the exception's type, and for a failed call command its kind and
   * our own message, which says what to check (CallPortException messages never carry call data;
   * other exceptions' messages might, so only their type is named).
   */
  static String why(RuntimeException e) {
    if (e instanceof CallPortException port) {
      return "CallPortException " + port.kind() + " (" + port.getMessage() + ")";
    }
    return e.getClass().getSimpleName();
  }

  /** The step's kind as events name it: {@code say}, {@code menu} ... (no string made per step). */
  static String kind(Step step) {
    return switch (step) {
      case Step.Say s -> "say";
      case Step.Menu m -> "menu";
      case Step.Language l -> "language";
      case Step.Collect c -> "collect";
      case Step.Lookup l -> "lookup";
      case Step.Pay p -> "pay";
      case Step.Transfer t -> "transfer";
      case Step.Hangup h -> "hangup";
      case Step.Branch b -> "branch";
      case Step.Goto g -> "goto";
      case Step.Set s -> "set";
    };
  }
}
