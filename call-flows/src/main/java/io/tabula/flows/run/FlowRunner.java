package io.tabula.flows.run;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Condition;
import io.tabula.flows.model.ErrorPolicy;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.Prompt;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interpreter: runs one validated flow on one call, through the {@link CallPort} and the
 * connectors only. Every path ends in a hangup or a transfer; any failure runs the flow's {@code
 * on_error} (by default "sorry" and a transfer to an agent), never a stack trace in the call; the
 * agent key leaves any step that allows it; the call's time limit is checked before every step.
 *
 * <pre>{@code
 * CallHandler handler = new FlowRunner(flow, connectors, RunnerConfig.defaults());
 * handler.handle(call);
 * }</pre>
 */
public final class FlowRunner implements CallHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

  /** Said when a flow has no on_error prompt of its own. */
  static final Prompt DEFAULT_SORRY =
      new Prompt("tabula-sorry", BuiltInWords.sorry(Flow.DEFAULT_LANGUAGE));

  private final Flow flow;
  private final Connectors connectors;
  private final RunnerConfig config;

  public FlowRunner(Flow flow, Connectors connectors, RunnerConfig config) {
    this.flow = flow;
    this.connectors = connectors;
    this.config = config;
  }

  public Flow flow() {
    return flow;
  }

  @Override
  public void handle(CallPort call) {
    run(call);
  }

  /**
   * Runs the call and tells {@code journal} what happened, then that the call is over ({@link
   * CallJournal#finished()}), however the flow ended.
   */
  public void handle(CallPort call, CallJournal journal) {
    if (journal == CallJournal.NONE) {
      run(call);
      return;
    }
    try {
      new FlowRunner(
              flow, connectors, config.withEvents(CallJournal.alongside(config.events(), journal)))
          .run(call);
    } finally {
      journal.finished();
    }
  }

  private void run(CallPort call) {
    CallJournal events = CallJournal.of(config.events());
    CallValues values = new CallValues(flow, call.memory());
    String current = flow.start().step();
    Speech speech = new Speech(flow, call, values, flow.language());
    try {
      speech.start(call.info().language());
      Deadline deadline = new Deadline(config.clock(), flow.timeLimit());
      InputSteps input = new InputSteps(call, speech, values, config.clock(), deadline, events);
      ConnectorSteps outside = new ConnectorSteps(connectors, call.info(), values, events);
      while (current != null) {
        deadline.check();
        Step step = flow.steps().get(current);
        if (step == null) {
          throw new FlowFailure("step '" + current + "' does not exist");
        }
        events.stepStarted(step.id(), kind(step));
        current = run(step, call, speech, input, outside, values);
      }
    } catch (CallEndedException e) {
      events.ended(e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    } catch (FlowInterrupt e) {
      interrupted(e, call, current, speech);
    } catch (RuntimeException e) {
      failed(why(e), call, current, speech);
    } finally {
      values.wipeFields();
    }
  }

  private String run(
      Step step,
      CallPort call,
      Speech speech,
      InputSteps input,
      ConnectorSteps outside,
      CallValues values) {
    return switch (step) {
      case Step.Say s -> {
        speech.say(s.items(), s.agentKey());
        yield s.next().step();
      }
      case Step.Menu m -> input.menu(m);
      case Step.Language l -> input.language(l);
      case Step.Collect c -> input.collect(c);
      case Step.Lookup l -> outside.lookup(l);
      case Step.Pay p -> outside.pay(p);
      case Step.Transfer t -> {
        speech.say(t.items(), false);
        transfer(call, t.queue().orElse(agentQueue()));
        yield null;
      }
      case Step.Hangup h -> {
        speech.say(h.items(), false);
        hangup(call);
        yield null;
      }
      case Step.Branch b -> branch(b, values);
      case Step.Goto g -> g.target().step();
      case Step.Set s -> {
        values.put(
            s.name().name(), s.copy().map(values::resolve).orElseGet(() -> literal(s, flow)));
        yield s.next().step();
      }
    };
  }

  private String agentQueue() {
    return flow.agent().orElseThrow(() -> new FlowFailure("the flow has no agent queue")).queue();
  }

  private void interrupted(FlowInterrupt interrupt, CallPort call, String step, Speech speech) {
    if (interrupt.kind() == FlowInterrupt.Kind.AGENT_REQUESTED) {
      config.events().outcome(step, "caller asked for an agent");
      try {
        transfer(call, agentQueue());
      } catch (CallEndedException e) {
        config
            .events()
            .ended(e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      } catch (RuntimeException e) {
        failed(why(e), call, step, speech);
      }
      return;
    }
    failed("call time limit reached", call, step, speech);
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

  /** The error path: say sorry, then transfer or hang up; if even that fails, hang up. */
  private void failed(String why, CallPort call, String step, Speech speech) {
    config.events().error(step, why);
    // A caller who was keying card digits may go on keying them during the apology and the queue.
    keepMuted(call);
    LOG.warn(
        "Flow {}/{} failed in step '{}' of call {}: {}; running on_error",
        flow.tenant(),
        flow.name(),
        step,
        safeId(call),
        why);
    ErrorPolicy policy = flow.onError();
    try {
      Prompt sorry =
          policy
              .prompt()
              .map(p -> speech.prompt(p.id()))
              .orElseGet(
                  () -> speech.builtIn(DEFAULT_SORRY.id(), BuiltInWords.sorry(speech.language())));
      call.play(sorry, "");
      if (policy.then() == ErrorPolicy.Then.AGENT && flow.agent().isPresent()) {
        transfer(call, agentQueue());
      } else {
        hangup(call);
      }
    } catch (CallEndedException e) {
      config.events().ended(e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    } catch (RuntimeException e) {
      LOG.warn(
          "The error path of call {} failed too ({}); hanging up",
          safeId(call),
          e.getClass().getSimpleName());
      try {
        hangup(call);
      } catch (RuntimeException ignored) {
        // The call is gone either way; the engine zeroes its memory when this handler returns.
      }
    }
  }

  private static void keepMuted(CallPort call) {
    try {
      call.keepRecordingMuted();
    } catch (RuntimeException e) {
      LOG.warn(
          "Call {}: keeping the recording muted failed ({})",
          safeId(call),
          e.getClass().getSimpleName());
    }
  }

  private static String safeId(CallPort call) {
    try {
      return call.info().uniqueId();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  private void transfer(CallPort call, String queue) {
    config.events().ended("transfer to " + queue);
    call.transfer(queue);
  }

  private void hangup(CallPort call) {
    config.events().ended("hangup");
    call.hangup();
  }

  private static String branch(Step.Branch branch, CallValues values) {
    for (Condition condition : branch.cases()) {
      if (Comparisons.holds(values.resolve(condition.ref()), condition.op(), condition.literal())) {
        return condition.next().step();
      }
    }
    return branch.otherwise().step();
  }

  /** A set step's literal; a money literal is in the flow's currency, like every amount in it. */
  private static Value literal(Step.Set set, Flow flow) {
    String text = set.literal().orElse("");
    return switch (set.name().type()) {
      case MONEY -> new Value.Money(new BigDecimal(text), flow.currency());
      case NUMBER -> new Value.Number(new BigDecimal(text));
      case DATE -> new Value.Date(LocalDate.parse(text));
      case FLAG -> new Value.Flag(Boolean.parseBoolean(text));
      case DIGITS -> new Value.Text(text, true);
      case TEXT -> new Value.Text(text);
    };
  }

  static String kind(Step step) {
    return step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
