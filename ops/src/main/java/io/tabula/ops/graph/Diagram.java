package io.tabula.ops.graph;

import java.util.List;

/**
 * A laid-out flow: where each step's box, each transition's line and each line's label go, in SVG
 * user units with the origin top left. {@link FlowDiagram} makes one; {@link DiagramSvg} draws it.
 */
public record Diagram(
    String title, double width, double height, List<Box> boxes, List<Arrow> arrows) {

  public Diagram {
    boxes = List.copyOf(boxes);
    arrows = List.copyOf(arrows);
  }

  /** An axis-aligned rectangle. */
  public record Rect(double x, double y, double width, double height) {

    /** Whether the two share any area (touching edges do not count). */
    public boolean overlaps(Rect other) {
      return x < other.x + other.width
          && other.x < x + width
          && y < other.y + other.height
          && other.y < y + height;
    }
  }

  public record Point(double x, double y) {}

  /**
   * One step.
   *
   * @param kind the second line, such as {@code collect card (secure)}
   * @param style how to fill it: {@code input}, {@code secure}, {@code lookup}, {@code end}, ...
   */
  public record Box(String id, String kind, String style, boolean start, Rect rect) {}

  /** One transition: its line (first point at the source) and its label's place. */
  public record Arrow(String from, String to, List<Point> points, String label, Rect labelRect) {

    public Arrow {
      points = List.copyOf(points);
    }
  }
}
