package io.tabula.load.agi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process has cost so far, read from {@code /proc}: its whole CPU time, the part its live
 * JIT compiler and garbage-collector threads spent, and its threads' context switches. Works for
 * any process by pid, a target JVM the harness started, one started elsewhere, or the C floor.
 *
 * <p>Example: {@code ProcessCpu before = ProcessCpu.of(pid); ...;
 * before.until(ProcessCpu.of(pid))}.
 *
 * @param totalMillis user + system CPU of the whole process, threads that ended included
 * @param jitMillis the part of it spent by the live {@code C1/C2 CompilerThread}s
 * @param gcMillis the part of it spent by the live garbage-collector threads (G1, ZGC, Shenandoah,
 *     Parallel; Serial collects on the VM thread, which is not counted): a collector's work follows
 *     from allocation, so the figure without it tells the code's own cost apart from what its
 *     garbage costs later
 * @param contextSwitches voluntary + involuntary context switches of the live threads
 */
public record ProcessCpu(long totalMillis, long jitMillis, long gcMillis, long contextSwitches) {

  /** USER_HZ is 100 on Linux x86-64 and arm64: /proc counts CPU time in ticks of 10 ms. */
  private static final long MILLIS_PER_TICK = 10;

  /** Reads the figures of process {@code pid} now. */
  public static ProcessCpu of(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    if (!Files.isDirectory(proc)) {
      throw new IOException(
          "No process " + pid + " in /proc: is the target running, and is this Linux?");
    }
    long total = ticks(Files.readString(proc.resolve("stat"))) * MILLIS_PER_TICK;
    long jit = 0;
    long gc = 0;
    long switches = 0;
    try (var tasks = Files.list(proc.resolve("task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = threadName(stat);
          long millis = ticks(stat) * MILLIS_PER_TICK;
          if (isJit(name)) {
            jit += millis;
          } else if (isGc(name)) {
            gc += millis;
          }
          switches += switchesOf(task.resolve("status"));
        } catch (IOException e) {
          // The thread ended between listing and reading: what it cost stays in the total.
        }
      }
    }
    return new ProcessCpu(total, jit, gc, switches);
  }

  /** What was spent from this reading to {@code later}, a later reading of the same process. */
  public ProcessCpu until(ProcessCpu later) {
    return new ProcessCpu(
        later.totalMillis - totalMillis,
        Math.max(0, later.jitMillis - jitMillis),
        Math.max(0, later.gcMillis - gcMillis),
        later.contextSwitches - contextSwitches);
  }

  /**
   * The thread's name ({@code comm}, at most 15 characters): HotSpot names its compiler threads
   * {@code C1 CompilerThre}/{@code C2 CompilerThre}.
   */
  static boolean isJit(String name) {
    return name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
  }

  /** HotSpot's collector threads, as the kernel shows their (truncated) names. */
  static boolean isGc(String name) {
    return name.startsWith("GC Thread")
        || name.startsWith("G1 ")
        || name.startsWith("ZWorker")
        || name.startsWith("ZDriver")
        || name.startsWith("ZDirector")
        || name.startsWith("ZUnmapper")
        || name.startsWith("ZUncommitter")
        || name.startsWith("ZRelocate")
        || name.startsWith("Shenandoah")
        || name.startsWith("Parallel GC");
  }

  /** utime + stime: fields 14 and 15 of a {@code stat} line, counted after the name's ')'. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static String threadName(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  private static long switchesOf(Path status) throws IOException {
    long n = 0;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("voluntary_ctxt_switches:")
          || line.startsWith("nonvoluntary_ctxt_switches:")) {
        n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return n;
  }
}
