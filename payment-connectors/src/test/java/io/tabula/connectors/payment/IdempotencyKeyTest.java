package io.tabula.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void sameCallAndAttemptGiveTheSameKeyAcrossEngines() {
    assertThat(IdempotencyKey.forAttempt("1700000000.42", 1))
        .isEqualTo(IdempotencyKey.forAttempt("1700000000.42", 1));
  }

  @Test
  void anotherAttemptOrAnotherCallGivesAnotherKey() {
    IdempotencyKey first = IdempotencyKey.forAttempt("1700000000.42", 1);

    assertThat(IdempotencyKey.forAttempt("1700000000.42", 2)).isNotEqualTo(first);
    assertThat(IdempotencyKey.forAttempt("1700000000.43", 1)).isNotEqualTo(first);
  }

  @Test
  void keyIsAnOpaqueHashThatDoesNotShowTheCallId() {
    IdempotencyKey key = IdempotencyKey.forAttempt("1700000000.42", 1);

    assertThat(key.value()).matches("tbl_[0-9a-f]{40}").doesNotContain("1700000000");
    assertThat(key.forStep("pi").value()).isEqualTo(key.value() + ":pi");
  }

  @Test
  void attemptsCountFromOne() {
    assertThatThrownBy(() -> IdempotencyKey.forAttempt("x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
