package io.tabula.connectors.payment;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tenant's API key held off the heap, written byte by byte straight into an outgoing header.
 *
 * <p>A key file is read by the file channel directly into native memory, so the key never becomes a
 * heap object. A key from an environment variable is already a {@code String} inside the JVM's copy
 * of the environment; we copy it off the heap once and keep no reference. Closing zeroes the bytes.
 * {@link #toString()} shows the reference, never the key.
 *
 * <pre>{@code
 * try (ApiKey key = ApiKey.load(SecretReference.parse("file:/run/secrets/stripe"))) {
 *   key.writeTo(headerBuffer);
 * }
 * }</pre>
 */
public final class ApiKey implements AutoCloseable {

  /** Longer than any processor's key; bounds what a wrong path could make us read. */
  static final int MAX_BYTES = 1024;

  private final SecretReference reference;
  private final Arena arena;
  private final MemorySegment bytes;
  private final int length;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ApiKey(SecretReference reference, Arena arena, MemorySegment bytes, int length) {
    this.reference = reference;
    this.arena = arena;
    this.bytes = bytes;
    this.length = length;
  }

  /** Loads the key a reference points to. */
  public static ApiKey load(SecretReference reference) {
    Arena arena = Arena.ofShared();
    MemorySegment segment = arena.allocate(MAX_BYTES);
    try {
      int read =
          reference.kind() == SecretReference.Kind.FILE
              ? readFile(Path.of(reference.location()), segment, reference)
              : readEnv(reference.location(), segment, reference);
      int length = trimmedLength(segment, read);
      requireHeaderSafe(segment, length, reference);
      return new ApiKey(reference, arena, segment, length);
    } catch (RuntimeException e) {
      segment.fill((byte) 0);
      arena.close();
      throw e;
    }
  }

  private static int readFile(Path path, MemorySegment target, SecretReference reference) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      if (channel.size() > MAX_BYTES) {
        throw new PaymentConfigurationException(
            "the API key file of " + reference + " is larger than " + MAX_BYTES + " bytes");
      }
      ByteBuffer view = target.asByteBuffer();
      while (view.hasRemaining() && channel.read(view) > 0) {
        // Reads straight into native memory until the end of the file.
      }
      return view.position();
    } catch (IOException e) {
      throw new PaymentConfigurationException(
          "cannot read the API key of "
              + reference
              + " ("
              + e.getClass().getSimpleName()
              + "); check that the file exists and the engine may read it",
          e);
    }
  }

  private static int readEnv(String name, MemorySegment target, SecretReference reference) {
    String value = System.getenv(name);
    if (value == null || value.length() > MAX_BYTES) {
      throw new PaymentConfigurationException(
          "environment variable of " + reference + " is not set (or longer than 1 KiB); set it");
    }
    for (int i = 0; i < value.length(); i++) {
      target.set(ValueLayout.JAVA_BYTE, i, (byte) value.charAt(i));
    }
    return value.length();
  }

  private static int trimmedLength(MemorySegment segment, int length) {
    int end = length;
    while (end > 0 && segment.get(ValueLayout.JAVA_BYTE, end - 1) <= ' ') {
      end--;
    }
    return end;
  }

  private static void requireHeaderSafe(MemorySegment segment, int length, SecretReference ref) {
    if (length == 0) {
      throw new PaymentConfigurationException("the API key of " + ref + " is empty; fill it in");
    }
    for (int i = 0; i < length; i++) {
      byte b = segment.get(ValueLayout.JAVA_BYTE, i);
      if (b <= ' ' || b >= 127) {
        throw new PaymentConfigurationException(
            "the API key of " + ref + " holds a space or a non-ASCII byte; a key is one token");
      }
    }
  }

  /** Writes the key at the writer index of {@code target}. */
  public void writeTo(ByteBuf target) {
    if (closed.get()) {
      throw new IllegalStateException("the API key of " + reference + " was closed");
    }
    target.ensureWritable(length);
    for (int i = 0; i < length; i++) {
      target.writeByte(bytes.get(ValueLayout.JAVA_BYTE, i));
    }
  }

  public SecretReference reference() {
    return reference;
  }

  /** Zeroes the key and frees its memory; safe to call twice and from any thread. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      bytes.fill((byte) 0);
      arena.close();
    }
  }

  @Override
  public String toString() {
    return "ApiKey[" + reference + ", hidden]";
  }
}
