package io.tabula.load.agi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of a process, from {@code /proc/<pid>/status}. */
final class Rss {

  private Rss() {}

  /** VmRSS of process {@code pid}, in KiB. */
  static long kibOf(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.substring("VmRSS:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("/proc/" + pid + "/status has no VmRSS line; is this Linux?");
  }
}
