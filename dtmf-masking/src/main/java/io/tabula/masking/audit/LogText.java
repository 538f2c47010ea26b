package io.tabula.masking.audit;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens a log as text whatever it was written as: gzip, bzip2, xz or zstd (recognised by their
 * magic bytes, whatever the file's name), then UTF-8 or UTF-16 (by its byte-order mark, or without
 * one by where the zero bytes of ASCII text fall). Archives and compressions it cannot read are
 * refused with {@link UnreadableLogException}, so they are never reported clean.
 */
final class LogText {

  private static final int BUFFER = 1 << 16;
  private static final int SNIFF = 4096;

  private LogText() {}

  static Reader open(InputStream raw) throws IOException {
    InputStream text = decompressed(new BufferedInputStream(raw, BUFFER));
    BufferedInputStream buffered = new BufferedInputStream(text, BUFFER);
    return new InputStreamReader(buffered, decoder(charset(buffered)));
  }

  private static InputStream decompressed(BufferedInputStream in) throws IOException {
    byte[] magic = peek(in, 6);
    if (startsWith(magic, 0x1f, 0x8b)) {
      return new GZIPInputStream(in, BUFFER);
    }
    if (startsWith(magic, 'B', 'Z', 'h')) {
      return new BZip2CompressorInputStream(in, true);
    }
    if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return new XZInputStream(in);
    }
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      return new ZstdInputStream(in);
    }
    String refused = refusedFormat(magic);
    if (refused != null) {
      throw new UnreadableLogException(
          "is " + refused + ", which the log audit does not read: unpack it and audit the files");
    }
    return in;
  }

  /** Containers and compressions that are not text and that the audit does not open. */
  private static String refusedFormat(byte[] magic) {
    if (startsWith(magic, 'P', 'K', 0x03, 0x04)) {
      return "a zip archive";
    }
    if (startsWith(magic, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
      return "a 7-Zip archive";
    }
    if (startsWith(magic, 0x04, 0x22, 0x4d, 0x18)) {
      return "LZ4-compressed";
    }
    if (startsWith(magic, 'R', 'a', 'r', '!')) {
      return "a RAR archive";
    }
    if (startsWith(magic, 0x89, 'L', 'Z', 'O')) {
      return "LZO-compressed";
    }
    return null;
  }

  private static Charset charset(BufferedInputStream in) throws IOException {
    byte[] head = peek(in, SNIFF);
    if (startsWith(head, 0xef, 0xbb, 0xbf)) {
      in.skipNBytes(3);
      return StandardCharsets.UTF_8;
    }
    if (startsWith(head, 0xfe, 0xff)) {
      in.skipNBytes(2);
      return StandardCharsets.UTF_16BE;
    }
    if (startsWith(head, 0xff, 0xfe)) {
      in.skipNBytes(2);
      return StandardCharsets.UTF_16LE;
    }
    return withoutMark(head);
  }

  /**
   * UTF-16 without a byte-order mark: in ASCII-range text every other byte is zero, the even ones
   * in big-endian and the odd ones in little-endian. UTF-8 text has no zero bytes at all.
   */
  private static Charset withoutMark(byte[] head) {
    int pairs = head.length / 2;
    if (pairs < 2) {
      return StandardCharsets.UTF_8;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i + 1 < head.length; i += 2) {
      evenZeros += head[i] == 0 ? 1 : 0;
      oddZeros += head[i + 1] == 0 ? 1 : 0;
    }
    if (evenZeros * 10 >= pairs * 6 && oddZeros * 10 <= pairs) {
      return StandardCharsets.UTF_16BE;
    }
    if (oddZeros * 10 >= pairs * 6 && evenZeros * 10 <= pairs) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  private static byte[] peek(BufferedInputStream in, int length) throws IOException {
    in.mark(length);
    byte[] head = in.readNBytes(length);
    in.reset();
    return head;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
