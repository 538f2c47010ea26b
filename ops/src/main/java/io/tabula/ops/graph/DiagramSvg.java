package io.tabula.ops.graph;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Draws a {@link Diagram} as a self-contained SVG: a box per step (colour by kind, the start step
 * with a thick border), an arrow per transition, and each label on a white background in the place
 * the layout gave it.
 */
public final class DiagramSvg {

  private static final Map<String, String> FILLS =
      Map.of(
          "input", "#e8f0fe",
          "secure", "#fde8e8",
          "lookup", "#fff4d6",
          "agent", "#e6f4ea",
          "end", "#eeeeee",
          "plain", "#ffffff");

  private DiagramSvg() {}

  public static String write(Diagram diagram) {
    return write(diagram, step -> "");
  }

  /**
   * The picture with each step's box a link to {@code link.apply(stepId)} (none where it gives ""):
   * the console opens the step in its editor.
   */
  public static String write(Diagram diagram, Function<String, String> link) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n",
            diagram.width(), diagram.height(), diagram.width(), diagram.height()));
    svg.append(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
            + " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\""
            + " fill=\"#555\"/></marker></defs>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.append(
        format(
            "<text x=\"20\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            xml(diagram.title())));
    diagram.arrows().forEach(arrow -> line(svg, arrow));
    diagram
        .boxes()
        .forEach(
            box -> {
              String href = link.apply(box.id());
              if (!href.isEmpty()) {
                svg.append(
                    format("<a href=\"%s\" aria-label=\"step %s\">", xml(href), xml(box.id())));
              }
              box(svg, box);
              if (!href.isEmpty()) {
                svg.append("</a>\n");
              }
            });
    diagram.arrows().forEach(arrow -> label(svg, arrow));
    return svg.append("</svg>\n").toString();
  }

  private static void line(StringBuilder svg, Diagram.Arrow arrow) {
    String points =
        arrow.points().stream()
            .map(p -> format("%.1f,%.1f", p.x(), p.y()))
            .collect(Collectors.joining(" "));
    svg.append(
        format(
            "<polyline points=\"%s\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>%n",
            points));
  }

  private static void box(StringBuilder svg, Diagram.Box box) {
    Diagram.Rect r = box.rect();
    double middle = r.x() + r.width() / 2;
    svg.append(
        format(
            "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"%s\""
                + " stroke=\"#333\" stroke-width=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%.0f\""
                + " font-weight=\"bold\">%s</text>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%.0f\""
                + " fill=\"#555\">%s</text></g>%n",
            r.x(),
            r.y(),
            r.width(),
            r.height(),
            FILLS.getOrDefault(box.style(), "#ffffff"),
            box.start() ? "3" : "1",
            middle,
            r.y() + 18,
            TextSize.TITLE_FONT,
            xml(box.id()),
            middle,
            r.y() + 34,
            TextSize.KIND_FONT,
            xml(box.kind())));
  }

  private static void label(StringBuilder svg, Diagram.Arrow arrow) {
    Diagram.Rect r = arrow.labelRect();
    svg.append(
        format(
            "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\""
                + " fill-opacity=\"0.85\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                + " font-size=\"%.0f\" fill=\"#036\">%s</text></g>%n",
            r.x(),
            r.y(),
            r.width(),
            r.height(),
            r.x() + r.width() / 2,
            r.y() + r.height() - 4,
            TextSize.LABEL_FONT,
            xml(arrow.label())));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
