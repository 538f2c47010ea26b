package io.tabula.engine.asterisk;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a runnable Asterisk build, the core sounds, espeak-ng, sox and
 * multimon-ng are all present; otherwise every test of it is reported skipped with the reason (what
 * is missing and how to install it).
 *
 * <pre>{@code
 * @ExtendWith(RealAsteriskAvailable.class)
 * class RealAsteriskCallTest { ... }
 * }</pre>
 */
final class RealAsteriskAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = whyNot();
    return missing.isPresent()
        ? ConditionEvaluationResult.disabled(missing.orElseThrow())
        : ConditionEvaluationResult.enabled("a real Asterisk and its tools are installed");
  }

  static Optional<String> whyNot() {
    Optional<AsteriskInstall> install = AsteriskInstall.find();
    if (install.isEmpty()) {
      return Optional.of(AsteriskInstall.whyMissing());
    }
    return install
        .orElseThrow()
        .whyNotRunnable()
        .or(PromptAudio::whyUnavailable)
        .or(Multimon::whyUnavailable);
  }
}
