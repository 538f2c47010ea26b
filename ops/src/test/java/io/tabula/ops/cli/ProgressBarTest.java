package io.tabula.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void inAPipeItPrintsAtMostOneLinePerTenPercent() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "Scanning", 1000, false);

    for (int i = 0; i < 1000; i++) {
      bar.advance(1);
    }
    bar.finish();

    String[] lines = text.toString().split(System.lineSeparator());
    assertThat(lines).hasSize(11);
    assertThat(lines[10]).isEqualTo("Scanning [" + "#".repeat(30) + "] 100%");
  }

  @Test
  void onATerminalItRedrawsInPlace() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "Load", 4, true);

    bar.advance(1);
    bar.advance(1);

    assertThat(text.toString()).startsWith("\rLoad [").contains(" 25%").endsWith(" 50%");
    assertThat(text.toString()).doesNotContain(System.lineSeparator());
  }
}
