package io.tabula.masking.memory;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Grows a Netty buffer that may already hold secrets without leaving a copy in its old memory.
 *
 * <p>A {@link ByteBuf} grows by copying its content into new memory and letting the old memory go:
 * back to a pool, to the OS or to the garbage collector, with whatever digits were written into it.
 * Here the content is set aside in native memory, the buffer is zeroed, then grown, then the
 * content is put back and the side copy zeroed. Only growth pays for this; a buffer with room is
 * untouched.
 */
final class ZeroingGrowth {

  private ZeroingGrowth() {}

  static void ensureWritable(ByteBuf target, int bytes) {
    if (target.writableBytes() >= bytes) {
      return;
    }
    if (target.maxWritableBytes() < bytes) {
      throw new IndexOutOfBoundsException(
          "the buffer can take "
              + target.maxWritableBytes()
              + " more bytes, "
              + bytes
              + " are needed; give it a larger maximum capacity");
    }
    int used = target.writerIndex();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment aside = arena.allocate(Math.max(1, used));
      try {
        target.getBytes(0, aside.asSlice(0, used).asByteBuffer());
        target.setZero(0, target.capacity());
        target.ensureWritable(bytes);
        target.setBytes(0, aside.asSlice(0, used).asByteBuffer());
      } finally {
        aside.fill((byte) 0);
      }
    }
  }
}
