package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code flows publish --as} without a terminal (CI pipes the password and the code): the password
 * arrives as a char[] read up to its line break and nothing past the two lines is taken from the
 * stream, so no reader's buffer holds a copy of it.
 */
class PublisherCredentialsTest {

  @Test
  void aPasswordEndedByCrLfLosesTheCrAndTheCodeIsTheNextLine() throws Exception {
    PublisherCredentials read = read("s3cret pass\r\n123456\r\n");

    assertThat(read.password()).containsExactly("s3cret pass".toCharArray());
    assertThat(read.code()).isEqualTo("123456");
  }

  @Test
  void aPasswordEndedByLfOrByTheEndOfInputIsReadWhole() throws Exception {
    assertThat(read("pw\n654321").password()).containsExactly('p', 'w');
    assertThat(read("pw\n654321").code()).isEqualTo("654321");
    assertThat(read("only-a-password").password()).containsExactly("only-a-password".toCharArray());
    assertThat(read("only-a-password").code()).isEmpty();
    assertThat(read("").password()).isEmpty();
  }

  @Test
  void aPasswordOutsideAsciiIsDecodedAsUtf8() throws Exception {
    assertThat(read("päss€wörd\n1\n").password()).containsExactly("päss€wörd".toCharArray());
  }

  @Test
  void nothingPastTheCodeLineIsTakenFromTheStream() throws Exception {
    InputStream stdin = stream("pw\r\n123456\r\nwhatever follows\n");

    PublisherCredentials.read("ana", stdin);

    assertThat(new String(stdin.readAllBytes(), StandardCharsets.UTF_8))
        .as("a reader that buffers ahead would have taken these bytes, and the password's too")
        .isEqualTo("whatever follows\n");
  }

  @Test
  void aPasswordThatIsNotUtf8IsRefusedWithoutQuotingIt() {
    byte[] latin1 = "zäqxv\n1\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> PublisherCredentials.read("ana", new ByteArrayInputStream(latin1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not UTF-8")
        .hasMessageNotContaining("qxv");
  }

  @Test
  void anOverlongPasswordLineIsRefusedWithoutQuotingIt() {
    String tooLong = "x".repeat(PublisherCredentials.LONGEST_LINE + 1);

    assertThatThrownBy(() -> read(tooLong + "\n1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than " + PublisherCredentials.LONGEST_LINE)
        .hasMessageNotContaining("xxxx");
  }

  private static PublisherCredentials read(String text) throws IOException {
    return PublisherCredentials.read("ana", stream(text));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
