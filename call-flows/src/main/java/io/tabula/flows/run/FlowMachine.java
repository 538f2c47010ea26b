package io.tabula.flows.run;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Condition;
import io.tabula.flows.model.ErrorPolicy;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.Then;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call running one flow, as a state machine: it sends a command and returns; the command's
 * answer ({@link #done}, {@link #failed}) moves it on from where it was. It is its own one {@link
 * Then} for every command, because it always knows what it waits for ({@link #waiting}), so a
 * command costs no continuation object.
 *
 * <p>Answers that arrive while the machine is still moving (a port that answers at once, as the
 * blocking adapter does) are taken by the loop in {@link #arrived}, not by a nested call: the stack
 * stays flat however many commands a call sends.
 *
 * <p>The paths are those of a flow run: every step ends in the next step, a hangup or a transfer;
 * the caller's agent key transfers to the agent queue ({@link Path#AGENT}); any failure runs the
 * flow's {@code on_error} ({@link Path#ERROR}); if even that fails, a last hangup ({@link
 * Path#LAST}). The call's time limit is checked before every step.
 */
final class FlowMachine implements Then<Object> {

  /** The runner's logger, as before the machine: operations filter the flows' warnings by it. */
  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

  /** What the command out is for. */
  private enum Waiting {
    START,
    CHANNEL_LANGUAGE,
    SAY,
    SAY_BEFORE_TRANSFER,
    SAY_BEFORE_HANGUP,
    INPUT,
    CONNECTOR,
    SORRY,
    LAST_COMMAND
  }

  /** Which path of the flow the call is on; a failure is handled as that path says. */
  private enum Path {
    FLOW,
    AGENT,
    ERROR,
    LAST
  }

  private final Flow flow;
  private final Connectors connectors;
  private final Clock clock;
  private final CallJournal events;
  private final CallJournal journal;
  private final CallSteps call;
  private final Consumer<RuntimeException> ended;
  private final CallValues values;
  private final SharedFlow shared;
  private final Speech speech;
  private InputSteps input;

  /** Made at the call's first lookup or payment step: most calls have none. */
  private ConnectorSteps outside;

  private Waiting waiting = Waiting.START;
  private Path path = Path.FLOW;
  private String current;
  private String channelLanguage;
  private Step step;

  /**
   * When the call's time limit passes ({@link Clock#millis()}); none until the first step. A field
   * of the machine, not an object of its own per call.
   */
  private long deadlineMillis = Long.MAX_VALUE;

  private boolean moving;
  private boolean commandOut;
  private boolean answered;
  private Object answer;
  private RuntimeException failure;
  private boolean over;

  /**
   * @param events where the flow's events go (the journal among them)
   * @param journal the call's journal, told {@link CallJournal#finished()} once the call is over
   */
  FlowMachine(
      SharedFlow shared,
      Connectors connectors,
      Clock clock,
      CallJournal events,
      CallJournal journal,
      CallSteps call,
      Consumer<RuntimeException> ended) {
    this.shared = shared;
    this.flow = shared.flow();
    this.connectors = connectors;
    this.clock = clock;
    this.events = events;
    this.journal = journal;
    this.call = call;
    this.ended = ended;
    this.values = new CallValues(shared, call.memory());
    this.speech = new Speech(this, flow.language());
    this.current = flow.start().step();
  }

  /**
   * This machine as the continuation of the command about to be sent, answering {@code T}; the
   * answer is expected from now on, and only one.
   */
  @SuppressWarnings("unchecked")
  <T> Then<T> answerTo() {
    commandOut = true;
    return (Then<T>) (Then<?>) this;
  }

  // What the call's input steps use of the machine: kept here once, read from there.

  SharedFlow shared() {
    return shared;
  }

  CallSteps call() {
    return call;
  }

  Speech speech() {
    return speech;
  }

  CallValues values() {
    return values;
  }

  Clock clock() {
    return clock;
  }

  /**
   * The call's time limit, checked before every step and every attempt: to the millisecond, by the
   * clock's {@link Clock#millis()}, so a check makes no object.
   */
  void checkDeadline() {
    if (clock.millis() > deadlineMillis) {
      throw new FlowInterrupt(FlowInterrupt.Kind.TIME_LIMIT);
    }
  }

  CallJournal events() {
    return events;
  }

  /** Starts the call: the channel's language first, then the flow's first step. */
  void start() {
    commandOut = true;
    arrived(null, null);
  }

  @Override
  public void done(Object value) {
    arrived(value, null);
  }

  @Override
  public void failed(RuntimeException e) {
    arrived(null, e == null ? new NullPointerException("failed without an exception") : e);
  }

  /**
   * Takes one answer and moves the machine on; an answer that arrives while it is moving (sent
   * synchronously from within) is left for the loop here, which is what keeps the stack flat.
   */
  private void arrived(Object value, RuntimeException error) {
    if (over) {
      return;
    }
    if (!commandOut) {
      throw new IllegalStateException(
          "an answer arrived with no command out; a CallSteps must answer each command once");
    }
    commandOut = false;
    answered = true;
    answer = value;
    failure = error;
    if (moving) {
      return;
    }
    moving = true;
    try {
      while (answered && !over) {
        Object taken = answer;
        RuntimeException failed = failure;
        answered = false;
        answer = null;
        failure = null;
        move(taken, failed);
      }
    } catch (Error e) {
      abandon();
      throw e;
    } finally {
      moving = false;
    }
  }

  /** One answer: on success the path goes on; a failure, or what going on threw, is handled. */
  private void move(Object value, RuntimeException error) {
    RuntimeException problem = error;
    if (problem == null) {
      try {
        goOn(value);
        return;
      } catch (RuntimeException e) {
        problem = e;
      }
    }
    // Each failure moves the path on (flow, agent, error, last); the last one ends the call.
    while (problem != null) {
      try {
        handle(problem);
        problem = null;
      } catch (RuntimeException e) {
        problem = e;
      }
    }
  }

  private void goOn(Object value) {
    String next =
        switch (waiting) {
          case START -> started();
          case CHANNEL_LANGUAGE -> {
            speech.switched(channelLanguage);
            yield firstStep();
          }
          case SAY -> speech.sayNext(value) ? null : ((Step.Say) step).next().step();
          case SAY_BEFORE_TRANSFER -> {
            if (!speech.sayNext(value)) {
              transferStep((Step.Transfer) step);
            }
            yield null;
          }
          case SAY_BEFORE_HANGUP -> {
            if (!speech.sayNext(value)) {
              hangup();
            }
            yield null;
          }
          case INPUT -> input.answer(value);
          case CONNECTOR -> (String) value;
          case SORRY -> apologized();
          case LAST_COMMAND -> {
            end(null);
            yield null;
          }
        };
    if (next != null) {
      runFrom(next);
    }
  }

  /** The call's language first: the channel is switched to it when it has another. */
  private String started() {
    channelLanguage = speech.pickFor(call.info().language());
    if (channelLanguage == null) {
      return firstStep();
    }
    waiting = Waiting.CHANNEL_LANGUAGE;
    speech.switchTo(channelLanguage);
    return null;
  }

  /** The error path said sorry: an agent where the flow says so, else a hangup. */
  private String apologized() {
    if (flow.onError().then() == ErrorPolicy.Then.AGENT && flow.agent().isPresent()) {
      transfer(agentQueue());
    } else {
      hangup();
    }
    return null;
  }

  /** The call's time limit starts once the call speaks the right language. */
  private String firstStep() {
    deadlineMillis = clock.instant().plus(flow.timeLimit()).toEpochMilli();
    input = new InputSteps(this);
    return current;
  }

  /** Runs steps from {@code next} until one sends a command. */
  private void runFrom(String next) {
    current = next;
    while (current != null) {
      checkDeadline();
      SharedFlow.FlowStep found = shared.step(current);
      if (found == null) {
        throw new FlowFailure("step '" + current + "' does not exist");
      }
      step = found.step();
      events.stepStarted(found.id(), found.kind());
      String following = begin(found.step());
      if (following == null) {
        return;
      }
      current = following;
    }
  }

  /** Starts a step: its next step's id when it needs no command, null when it sent one. */
  private String begin(Step step) {
    return switch (step) {
      case Step.Say s -> {
        speech.say(s.items(), s.agentKey());
        waiting = Waiting.SAY;
        yield speech.sayNext(null) ? null : s.next().step();
      }
      case Step.Menu m -> waitingForInput().menu(m);
      case Step.Language l -> waitingForInput().language(l);
      case Step.Collect c -> waitingForInput().collect(c);
      case Step.Lookup l -> {
        ConnectorSteps steps = outside();
        yield connector(port -> steps.lookup(l));
      }
      case Step.Pay p -> {
        ConnectorSteps steps = outside();
        yield connector(port -> steps.pay(p));
      }
      case Step.Transfer t -> {
        speech.say(t.items(), false);
        waiting = Waiting.SAY_BEFORE_TRANSFER;
        if (!speech.sayNext(null)) {
          transferStep(t);
        }
        yield null;
      }
      case Step.Hangup h -> {
        speech.say(h.items(), false);
        waiting = Waiting.SAY_BEFORE_HANGUP;
        if (!speech.sayNext(null)) {
          hangup();
        }
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

  /** The connector steps of the call; made on the loop, before the blocking work uses them. */
  private ConnectorSteps outside() {
    if (outside == null) {
      outside = new ConnectorSteps(connectors, call.info(), values, events);
    }
    return outside;
  }

  /** The step about to start waits for the caller: its answers go to the input steps. */
  private InputSteps waitingForInput() {
    waiting = Waiting.INPUT;
    return input;
  }

  /** A transfer step, its words said: to its queue, else the agent's (which must exist). */
  private void transferStep(Step.Transfer step) {
    transfer(step.queue().orElse(agentQueue()));
  }

  private String connector(Function<CallPort, String> work) {
    waiting = Waiting.CONNECTOR;
    call.blocking(work, answerTo());
    return null;
  }

  private String agentQueue() {
    return flow.agent().orElseThrow(() -> new FlowFailure("the flow has no agent queue")).queue();
  }

  private void transfer(String queue) {
    events.ended("transfer to " + queue);
    waiting = Waiting.LAST_COMMAND;
    call.transfer(queue, answerTo());
  }

  private void hangup() {
    events.ended("hangup");
    waiting = Waiting.LAST_COMMAND;
    call.hangup(answerTo());
  }

  /** A failure on the current path; may send the next path's first command. */
  private void handle(RuntimeException problem) {
    if (path == Path.LAST) {
      // The call is gone either way; the engine zeroes its memory when the machine has ended.
      end(null);
      return;
    }
    if (problem instanceof CallEndedException e) {
      events.ended(e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      end(null);
      return;
    }
    switch (path) {
      case FLOW -> {
        if (problem instanceof FlowInterrupt interrupt) {
          interrupted(interrupt);
        } else {
          onError(FlowRunner.why(problem));
        }
      }
      case AGENT -> onError(FlowRunner.why(problem));
      case ERROR -> lastHangup(problem);
      case LAST -> end(null);
    }
  }

  private void interrupted(FlowInterrupt interrupt) {
    if (interrupt.kind() == FlowInterrupt.Kind.AGENT_REQUESTED) {
      path = Path.AGENT;
      events.outcome(current, "caller asked for an agent");
      transfer(agentQueue());
      return;
    }
    onError("call time limit reached");
  }

  /** The error path: say sorry, then transfer or hang up; if even that fails, hang up. */
  private void onError(String why) {
    path = Path.ERROR;
    events.error(current, why);
    // A caller who was keying card digits may go on keying them during the apology and the queue.
    keepMuted();
    LOG.warn(
        "Flow {}/{} failed in step '{}' of call {}: {}; running on_error",
        flow.tenant(),
        flow.name(),
        current,
        safeId(),
        why);
    ErrorPolicy policy = flow.onError();
    Prompt sorry =
        policy
            .prompt()
            .map(p -> speech.prompt(p.id()))
            .orElseGet(
                () ->
                    speech.builtIn(
                        FlowRunner.DEFAULT_SORRY.id(), BuiltInWords.sorry(speech.language())));
    waiting = Waiting.SORRY;
    call.play(sorry, "", answerTo());
  }

  private void lastHangup(RuntimeException problem) {
    path = Path.LAST;
    LOG.warn(
        "The error path of call {} failed too ({}); hanging up",
        safeId(),
        problem.getClass().getSimpleName());
    hangup();
  }

  private void keepMuted() {
    try {
      call.keepRecordingMuted();
    } catch (RuntimeException e) {
      LOG.warn(
          "Call {}: keeping the recording muted failed ({})",
          safeId(),
          e.getClass().getSimpleName());
    }
  }

  private String safeId() {
    try {
      return call.info().uniqueId();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  /** The call is over for the flow: fields wiped, the journal's record complete, then the end. */
  private void end(RuntimeException how) {
    if (over) {
      return;
    }
    over = true;
    RuntimeException problem = how;
    try {
      values.wipeFields();
      journal.finished();
    } catch (RuntimeException e) {
      problem = e;
    }
    ended.accept(problem);
  }

  /** An Error left the machine: what the call's end promises still happens, then it goes on up. */
  private void abandon() {
    if (!over) {
      over = true;
      try {
        values.wipeFields();
      } finally {
        journal.finished();
      }
    }
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
}
