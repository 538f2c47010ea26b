package io.tabula.flows.graph;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.Locale;

/**
 * Draws a flow as a self-contained SVG: one box per step in rows by distance from the start, an
 * arrow per transition with its label. Laid out by hand, no external tools.
 *
 * <pre>{@code
 * Files.writeString(Path.of("parking-ticket.svg"), Svg.write(flow));
 * }</pre>
 */
public final class Svg {

  private static final int BOX_W = 170;
  private static final int BOX_H = 44;
  private static final int GAP_X = 40;
  private static final int GAP_Y = 70;
  private static final int MARGIN = 30;

  private Svg() {}

  public static String write(Flow flow) {
    FlowLayout layout = new FlowLayout(flow);
    int width = MARGIN * 2 + layout.widestRow() * (BOX_W + GAP_X);
    int height = MARGIN * 2 + layout.rows().size() * (BOX_H + GAP_Y) + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            height,
            width,
            height));
    svg.append(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            MARGIN,
            MARGIN - 10,
            xml(flow.tenant() + "/" + flow.name())));
    for (Step step : flow.steps().values()) {
      for (Step.Edge edge : step.edges()) {
        if (flow.steps().containsKey(edge.target().step())) {
          edge(svg, layout, step.id(), edge);
        }
      }
    }
    for (Step step : flow.steps().values()) {
      box(svg, layout, step);
    }
    return svg.append("</svg>\n").toString();
  }

  private static int x(FlowLayout.Place place) {
    return MARGIN + place.column() * (BOX_W + GAP_X);
  }

  private static int y(FlowLayout.Place place) {
    return MARGIN + place.row() * (BOX_H + GAP_Y);
  }

  private static void box(StringBuilder svg, FlowLayout layout, Step step) {
    FlowLayout.Place place = layout.place(step.id());
    svg.append(
        String.format(
            Locale.ROOT,
            "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"#333\"/>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text></g>%n",
            x(place),
            y(place),
            BOX_W,
            BOX_H,
            fill(step),
            x(place) + BOX_W / 2,
            y(place) + 18,
            xml(step.id()),
            x(place) + BOX_W / 2,
            y(place) + 34,
            kind(step)));
  }

  private static void edge(StringBuilder svg, FlowLayout layout, String from, Step.Edge edge) {
    FlowLayout.Place a = layout.place(from);
    FlowLayout.Place b = layout.place(edge.target().step());
    int x1 = x(a) + BOX_W / 2;
    int y1 = y(a) + BOX_H;
    int x2 = x(b) + BOX_W / 2;
    int y2 = y(b);
    String path;
    if (b.row() > a.row()) {
      path = String.format(Locale.ROOT, "M%d,%d L%d,%d", x1, y1, x2, y2);
    } else {
      // Back edges (loops, retries) curve around the right side so they do not cross boxes.
      int side = Math.max(x(a), x(b)) + BOX_W + GAP_X / 2;
      path =
          String.format(
              Locale.ROOT,
              "M%d,%d C%d,%d %d,%d %d,%d",
              x(a) + BOX_W,
              y(a) + BOX_H / 2,
              side,
              y(a) + BOX_H / 2,
              side,
              y(b) + BOX_H / 2,
              x(b) + BOX_W,
              y(b) + BOX_H / 2);
      x1 = side;
      y1 = (y(a) + y(b)) / 2 + BOX_H / 2;
      x2 = side;
      y2 = y1;
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<path d=\"%s\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>%n",
            path));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#036\">%s</text>%n",
            (x1 + x2) / 2 + 4,
            (y1 + y2) / 2,
            xml(edge.label())));
  }

  private static String fill(Step step) {
    return switch (step) {
      case Step.Menu m -> "#e8f0fe";
      case Step.Collect c -> c.secure() ? "#fde8e8" : "#e8f0fe";
      case Step.Lookup l -> "#fff4d6";
      case Step.Pay p -> "#fde8e8";
      case Step.Transfer t -> "#e6f4ea";
      case Step.Hangup h -> "#eeeeee";
      default -> "#ffffff";
    };
  }

  static String kind(Step step) {
    return switch (step) {
      case Step.Collect c -> "collect " + c.kind().spelling() + (c.secure() ? " (secure)" : "");
      case Step.Lookup l -> "lookup " + l.connector();
      case Step.Pay p -> "pay " + p.connector();
      default -> step.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    };
  }

  static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
