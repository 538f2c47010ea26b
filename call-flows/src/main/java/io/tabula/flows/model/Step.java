package io.tabula.flows.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a flow. Each kind is a record; {@link #edges()} lists where a step can go next,
 * labelled as the graph shows them.
 */
public sealed interface Step {

  String id();

  SourcePos pos();

  /** The steps this one can continue with, labelled ({@code next}, {@code on_found}, a key...). */
  List<Edge> edges();

  /** Whether the step waits for the caller (the only way out of a loop). */
  default boolean waitsForCaller() {
    return false;
  }

  /** A labelled transition. */
  record Edge(String label, Target target) {}

  /** Plays prompts and values, then goes on. */
  record Say(String id, SourcePos pos, List<SayItem> items, boolean agentKey, Target next)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(new Edge("next", next));
    }
  }

  /** A prompt and keys to next steps. */
  record Menu(
      String id,
      SourcePos pos,
      SayItem.PromptRef prompt,
      Map<String, Target> options,
      Optional<SayItem.PromptRef> invalidPrompt,
      Optional<SayItem.PromptRef> noInputPrompt,
      Duration timeout,
      int attempts,
      boolean agentKey,
      Target onFailure)
      implements Step {
    @Override
    public List<Edge> edges() {
      List<Edge> edges = new ArrayList<>();
      options.forEach((key, target) -> edges.add(new Edge(key, target)));
      edges.add(new Edge("on_failure", onFailure));
      return edges;
    }

    @Override
    public boolean waitsForCaller() {
      return true;
    }
  }

  /**
   * A language menu: its prompt is said once in each option's language ("For English, press 1. Para
   * español, oprima dos."), and the key pressed switches the call to that language; without a
   * choice the call keeps the language it has.
   *
   * @param options key to one of the flow's languages, in the order they are offered
   * @param optionPositions where each option's language is written, for messages
   */
  record Language(
      String id,
      SourcePos pos,
      SayItem.PromptRef prompt,
      Map<String, String> options,
      Map<String, SourcePos> optionPositions,
      Duration timeout,
      boolean agentKey,
      Target next)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(new Edge("next", next));
    }

    @Override
    public boolean waitsForCaller() {
      return true;
    }
  }

  /** Digits into a named field of the call's secret memory. */
  record Collect(
      String id,
      SourcePos pos,
      String field,
      FieldKind kind,
      boolean secure,
      SayItem.PromptRef prompt,
      int minDigits,
      int maxDigits,
      boolean terminator,
      Duration firstDigitTimeout,
      Duration interDigitTimeout,
      int attempts,
      Optional<SayItem.PromptRef> invalidPrompt,
      Optional<SayItem.PromptRef> noInputPrompt,
      List<CheckSpec> checks,
      boolean agentKey,
      Target next,
      Target onFailure,
      JournalMode journal)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(new Edge("next", next), new Edge("on_failure", onFailure));
    }

    @Override
    public boolean waitsForCaller() {
      return true;
    }
  }

  /**
   * Asks a lookup connector.
   *
   * @param outputs the values the flow uses, with their declared types
   * @param journal outputs the call journal keeps ({@code encrypt}); the others are journaled only
   *     as the lookup's outcome (found, not found, failed)
   */
  record Lookup(
      String id,
      SourcePos pos,
      String connector,
      SourcePos connectorPos,
      String name,
      Map<String, Ref> inputs,
      Map<String, TypedName> outputs,
      Duration timeout,
      Target onFound,
      Target onNotFound,
      Target onError,
      Map<String, JournalMode> journal)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(
          new Edge("on_found", onFound),
          new Edge("on_not_found", onNotFound),
          new Edge("on_error", onError));
    }
  }

  /**
   * Charges a card; the card fields are zeroed right after the outcome. Four ways out: approved,
   * declined, {@code on_unknown} (the processor may have charged: never say "not charged" there)
   * and {@code on_error} (certainly not charged).
   */
  record Pay(
      String id,
      SourcePos pos,
      String connector,
      SourcePos connectorPos,
      Ref amount,
      Ref card,
      Ref expiry,
      Ref cvc,
      Map<String, Ref> metadata,
      Duration timeout,
      Target onApproved,
      Target onDeclined,
      Target onUnknown,
      Target onError)
      implements Step {

    /** Used when a pay step names no timeout: above the default gateway budget (3 × 2 × 30 s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(4);

    @Override
    public List<Edge> edges() {
      return List.of(
          new Edge("on_approved", onApproved),
          new Edge("on_declined", onDeclined),
          new Edge("on_unknown", onUnknown),
          new Edge("on_error", onError));
    }
  }

  /** Says its items, then hands the call to an agent queue (the call's memory is zeroed first). */
  record Transfer(String id, SourcePos pos, List<SayItem> items, Optional<String> queue)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of();
    }
  }

  /** Says its items, then hangs up. */
  record Hangup(String id, SourcePos pos, List<SayItem> items) implements Step {
    @Override
    public List<Edge> edges() {
      return List.of();
    }
  }

  /** Takes the first case that holds, else {@code otherwise}. */
  record Branch(String id, SourcePos pos, List<Condition> cases, Target otherwise) implements Step {
    @Override
    public List<Edge> edges() {
      List<Edge> edges = new ArrayList<>();
      for (Condition condition : cases) {
        edges.add(
            new Edge(
                condition.ref().spelled()
                    + " "
                    + condition.op().spelling()
                    + " "
                    + condition.literal(),
                condition.next()));
      }
      edges.add(new Edge("otherwise", otherwise));
      return edges;
    }
  }

  /** Continues at another step. */
  record Goto(String id, SourcePos pos, Target target) implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(new Edge("goto", target));
    }
  }

  /** Sets a non-secret value to a literal or a copy of another value. */
  record Set(
      String id,
      SourcePos pos,
      TypedName name,
      Optional<String> literal,
      Optional<Ref> copy,
      Target next)
      implements Step {
    @Override
    public List<Edge> edges() {
      return List.of(new Edge("next", next));
    }
  }
}
