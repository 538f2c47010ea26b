package io.tabula.masking.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks Linux, through the FFM API and libc, to keep the pool out of swap ({@code mlock}) and out of
 * core dumps ({@code madvise(MADV_DONTDUMP)}). Any refusal (a low {@code RLIMIT_MEMLOCK}, another
 * OS, native access not enabled) leaves the pool working and is reported, never thrown.
 */
@SuppressWarnings("restricted") // Linker downcalls; the launcher passes --enable-native-access.
final class NativeMemoryGuard {

  /** From Linux's mman-common.h. */
  private static final int MADV_DONTDUMP = 16;

  private NativeMemoryGuard() {}

  static MemoryProtections protect(MemorySegment memory, CallMemoryPoolConfig config) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return new MemoryProtections(false, false, "mlock and madvise are used on Linux only");
    }
    List<String> problems = new ArrayList<>();
    boolean locked = false;
    boolean dontDump = false;
    try {
      Libc libc = new Libc();
      if (config.lockInMemory()) {
        int errno = libc.mlock(memory);
        locked = errno == 0;
        if (!locked) {
          problems.add("mlock refused: " + describe(errno) + "; raise RLIMIT_MEMLOCK (ulimit -l)");
        }
      } else {
        problems.add("mlock disabled by configuration");
      }
      if (config.excludeFromCoreDumps()) {
        int errno = libc.madviseDontDump(memory);
        dontDump = errno == 0;
        if (!dontDump) {
          problems.add("madvise(MADV_DONTDUMP) refused: " + describe(errno));
        }
      } else {
        problems.add("core-dump exclusion disabled by configuration");
      }
    } catch (Throwable unavailable) {
      // IllegalCallerException without --enable-native-access=ALL-UNNAMED, or no libc symbol.
      problems.add("native calls unavailable: " + unavailable.getClass().getSimpleName());
    }
    return new MemoryProtections(locked, dontDump, String.join("; ", problems));
  }

  private static String describe(int errno) {
    return switch (errno) {
      case 1 -> "EPERM (not permitted)";
      case 11 -> "EAGAIN (locked-memory limit reached)";
      case 12 -> "ENOMEM (locked-memory limit reached)";
      case 22 -> "EINVAL (not supported by this kernel)";
      default -> "errno " + errno;
    };
  }

  /** The two libc functions, with errno captured right after each call. */
  private static final class Libc {
    private final Linker linker = Linker.nativeLinker();
    private final StructLayout callState = Linker.Option.captureStateLayout();
    private final VarHandle errnoHandle =
        callState.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private final MethodHandle mlock =
        downcall("mlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private final MethodHandle madvise =
        downcall("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

    int mlock(MemorySegment memory) throws Throwable {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment state = arena.allocate(callState);
        int result = (int) mlock.invokeExact(state, memory, memory.byteSize());
        return result == 0 ? 0 : (int) errnoHandle.get(state, 0L);
      }
    }

    int madviseDontDump(MemorySegment memory) throws Throwable {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment state = arena.allocate(callState);
        int result = (int) madvise.invokeExact(state, memory, memory.byteSize(), MADV_DONTDUMP);
        return result == 0 ? 0 : (int) errnoHandle.get(state, 0L);
      }
    }

    private MethodHandle downcall(String function, FunctionDescriptor descriptor) {
      Optional<MemorySegment> symbol = linker.defaultLookup().find(function);
      return linker.downcallHandle(
          symbol.orElseThrow(() -> new UnsupportedOperationException("libc has no " + function)),
          descriptor,
          Linker.Option.captureCallState("errno"));
    }
  }
}
