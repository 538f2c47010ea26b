package io.tabula.ops.asterisk.conf;

import java.nio.file.Path;

/**
 * Where a setting is: the file Asterisk read it from, its 1-based line and column. Rendered as
 * compilers do, {@code manager.conf:12:1}, so editors jump to it.
 */
public record ConfLocation(Path file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
