package io.tabula.testing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * YAML documents that attack a loader rather than describe anything, shaped by fuzzer input: the
 * billion-laughs alias bomb, nesting deeper than any file needs, anchors that contain themselves,
 * and scalars near the size limits. Shared by the fuzz tests of every YAML reader.
 */
public final class HostileYaml {

  private HostileYaml() {}

  public static String from(FuzzedDataProvider data) {
    String prefix = data.consumeBoolean() ? "flow: fuzz\nsteps:\n  start: " : "";
    return switch (data.consumeInt(0, 4)) {
      case 0 -> prefix + aliasBomb(data.consumeInt(1, 12), data.consumeInt(1, 12));
      case 1 -> prefix + nested(data.consumeInt(1, 5000), data.consumeBoolean());
      case 2 -> prefix + "&a [*a, {k: *a}]";
      case 3 -> prefix + "\"" + "x".repeat(data.consumeInt(0, 600 * 1024)) + "\"";
      default -> prefix + data.consumeRemainingAsString();
    };
  }

  /** {@code levels} anchors, each a list of {@code width} aliases to the one before. */
  private static String aliasBomb(int levels, int width) {
    StringBuilder yaml = new StringBuilder("{a0: &a0 [x, y]");
    for (int level = 1; level <= levels; level++) {
      yaml.append(", a").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < width; i++) {
        yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      yaml.append(']');
    }
    return yaml.append('}').toString();
  }

  private static String nested(int depth, boolean maps) {
    String open = maps ? "{k: " : "[";
    String close = maps ? "}" : "]";
    return open.repeat(depth) + "x" + close.repeat(depth);
  }
}
