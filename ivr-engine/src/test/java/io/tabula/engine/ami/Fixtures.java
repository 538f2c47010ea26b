package io.tabula.engine.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The recorded AMI streams under {@code src/test/resources/fixtures/ami}. */
final class Fixtures {

  private Fixtures() {}

  static Path amiDir() {
    try {
      return Paths.get(Fixtures.class.getResource("/fixtures/ami").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> amiStreams() {
    try (Stream<Path> files = Files.list(amiDir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".from-asterisk.bin"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(String name) throws IOException {
    return Files.readAllBytes(amiDir().resolve(name));
  }

  /** Gives at most {@code chunk} bytes per read, to hit every split point of a message. */
  static InputStream chunked(byte[] bytes, int chunk) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, chunk), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
