package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

  @Test
  void equalValuesOfTwoCallsBecomeOneObject() {
    SharedStrings shared = new SharedStrings(8, 16);
    String first = new String("en_GB");
    String second = new String("en_GB");

    assertThat(shared.share(first)).isSameAs(first);
    assertThat(shared.share(second)).isSameAs(first).isEqualTo("en_GB");
  }

  @Test
  void beyondItsBoundsAValueIsKeptAsItCame() {
    SharedStrings shared = new SharedStrings(2, 4);
    String tooLong = new String("abcde");
    shared.share("a");
    shared.share("b");
    String third = new String("c");

    assertThat(shared.share(tooLong)).isSameAs(tooLong);
    assertThat(shared.share(third)).isSameAs(third);
    assertThat(shared.share(new String("c"))).isNotSameAs(third);
    assertThat(shared.size()).isEqualTo(2);
    assertThat(shared.share(new String("a"))).isEqualTo("a");
  }

  @Test
  void equalArgumentListsOfTwoCallsBecomeOneUnmodifiableList() {
    SharedStrings shared = new SharedStrings(8, 16);
    java.util.List<String> first =
        shared.shareAll(new java.util.ArrayList<>(java.util.List.of("12")));
    java.util.List<String> second =
        shared.shareAll(new java.util.ArrayList<>(java.util.List.of(new String("12"))));

    assertThat(second).isSameAs(first).containsExactly("12");
    assertThat(java.util.List.copyOf(first)).as("CallInfo keeps it without a copy").isSameAs(first);
    assertThat(shared.shareAll(java.util.List.of())).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.add("13"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void argumentListsBeyondTheLengthBoundAreNotShared() {
    SharedStrings shared = new SharedStrings(8, 4);
    java.util.List<String> longOnes = java.util.List.of("abc", "def");

    assertThat(shared.shareAll(longOnes)).isEqualTo(longOnes);
    assertThat(shared.shareAll(longOnes)).isNotSameAs(shared.shareAll(longOnes));
  }
}
