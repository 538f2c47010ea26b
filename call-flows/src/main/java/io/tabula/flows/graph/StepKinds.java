package io.tabula.flows.graph;

import io.tabula.flows.model.Step;
import java.util.Locale;

/**
 * The second line of a step in a drawing: what kind of step it is ({@code lookup city-parking}).
 */
public final class StepKinds {

  private StepKinds() {}

  public static String describe(Step step) {
    return switch (step) {
      case Step.Collect c -> "collect " + c.kind().spelling() + (c.secure() ? " (secure)" : "");
      case Step.Lookup l -> "lookup " + l.connector();
      case Step.Pay p -> "pay " + p.connector();
      default -> step.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    };
  }
}
