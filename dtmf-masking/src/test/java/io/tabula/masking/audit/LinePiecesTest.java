package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePiecesTest {

  private final List<String> pieces = new ArrayList<>();

  @Test
  void endsLinesAtLfCrAndCrlfLikeReadLine() throws IOException {
    split("a\nb\r\nc\rd\n\ne", 100, 2);
    assertThat(pieces).containsExactly("1:a/0", "2:b/0", "3:c/0", "4:d/0", "5:/0", "6:e/0");
  }

  @Test
  void handsALongLineOverInOverlappingPiecesAndCountsItOnce() throws IOException {
    split("abcdefghij\nk", 4, 1);
    assertThat(pieces).containsExactly("1:abcd/0", "1:defg/1", "1:ghij/1", "2:k/0");
  }

  @Test
  void aLineEndingRightAfterAPieceIsNotHandedOverAgain() throws IOException {
    split("abcd\nx", 4, 1);
    assertThat(pieces).containsExactly("1:abcd/0", "2:x/0");
  }

  private void split(String text, int max, int overlap) throws IOException {
    LinePieces.split(
        new StringReader(text),
        max,
        overlap,
        (line, piece, seen) -> pieces.add(line + ":" + piece + "/" + seen));
  }
}
