package io.tabula.masking.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.audit.CorpusScore;
import io.tabula.masking.audit.CorpusScore.ClassScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Generates the red-team corpus (fixed seed) into {@code target/redteam-corpus}, scores {@code
 * audit logs} on it and prints the table (also to {@code target/redteam-score.txt}). It asserts the
 * classes this branch is answerable for (key by key entry, and the IVR's ordinary keys not being
 * flagged); the other classes' figures are printed for the record.
 */
class RedTeamScoreTest {

  @Test
  void scoresTheRedTeamCorpus() throws IOException {
    Path corpus = Path.of("target", "redteam-corpus");
    RedTeamCorpus.write(corpus, RedTeamCorpus.SEED);

    CorpusScore.Result result = CorpusScore.score(corpus);

    String table = result.table();
    System.out.println(table);
    Files.writeString(Path.of("target", "redteam-score.txt"), table);
    for (ClassScore score : result.leaks()) {
      if (score.name().startsWith("keys-")) {
        assertThat(score.percent()).as(score.name()).isGreaterThanOrEqualTo(99.0);
      }
    }
    for (ClassScore score : result.ordinary()) {
      if (score.name().startsWith("ivr-") || score.name().startsWith("asterisk-")) {
        assertThat(score.hits()).as(score.name()).isZero();
      }
    }
  }
}
