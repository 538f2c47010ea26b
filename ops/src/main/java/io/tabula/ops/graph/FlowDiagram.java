package io.tabula.ops.graph;

import io.tabula.flows.graph.StepKinds;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a flow out with the Eclipse Layout Kernel's layered algorithm (the Sugiyama method: steps in
 * layers top to bottom the way a call goes, few crossings, orthogonal lines). Each transition's
 * label is placed by the algorithm as an obstacle of its own, so no label overlaps another label or
 * a step.
 *
 * <pre>{@code
 * Diagram diagram = FlowDiagram.layout(flow);
 * Files.writeString(Path.of("parking-ticket.svg"), DiagramSvg.write(diagram));
 * }</pre>
 */
public final class FlowDiagram {

  private static final double BOX_HEIGHT = 44;
  private static final double BOX_PADDING = 24;
  private static final double MIN_BOX_WIDTH = 120;
  private static final double LABEL_HEIGHT = 15;
  private static final double TITLE_ROOM = 30;
  private static final double MARGIN = 20;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private FlowDiagram() {}

  public static Diagram layout(Flow flow) {
    ElkNode graph = graph();
    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    for (Step step : flow.steps().values()) {
      ElkNode node = ElkGraphUtil.createNode(graph);
      node.setIdentifier(step.id());
      node.setDimensions(boxWidth(step), BOX_HEIGHT);
      if (step.id().equals(flow.start().step())) {
        // The picture reads top to bottom the way a call goes, even where retries loop back.
        node.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
      }
      nodes.put(step.id(), node);
    }
    Map<ElkEdge, String[]> edges = new LinkedHashMap<>();
    for (Step step : flow.steps().values()) {
      for (Step.Edge edge : step.edges()) {
        ElkNode target = nodes.get(edge.target().step());
        if (target == null) {
          continue; // a validated flow has none; a drawing of a broken one still shows the rest
        }
        ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(nodes.get(step.id()), target);
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elkEdge);
        label.setDimensions(TextSize.width(edge.label(), TextSize.LABEL_FONT) + 6, LABEL_HEIGHT);
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
        edges.put(elkEdge, new String[] {step.id(), edge.target().step(), edge.label()});
      }
    }
    new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
    return diagram(flow, graph, nodes, edges);
  }

  private static ElkNode graph() {
    ElkNode graph = ElkGraphUtil.createGraph();
    graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    graph.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 30.0);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
    return graph;
  }

  private static double boxWidth(Step step) {
    double text =
        Math.max(
            TextSize.width(step.id(), TextSize.TITLE_FONT),
            TextSize.width(StepKinds.describe(step), TextSize.KIND_FONT));
    return Math.max(MIN_BOX_WIDTH, text + BOX_PADDING);
  }

  private static Diagram diagram(
      Flow flow, ElkNode graph, Map<String, ElkNode> nodes, Map<ElkEdge, String[]> edges) {
    List<Diagram.Box> boxes = new ArrayList<>();
    for (Step step : flow.steps().values()) {
      ElkNode node = nodes.get(step.id());
      boxes.add(
          new Diagram.Box(
              step.id(),
              StepKinds.describe(step),
              style(step),
              step.id().equals(flow.start().step()),
              new Diagram.Rect(
                  node.getX(), node.getY() + TITLE_ROOM, node.getWidth(), node.getHeight())));
    }
    List<Diagram.Arrow> arrows = new ArrayList<>();
    edges.forEach((edge, names) -> arrows.add(arrow(edge, names)));
    return new Diagram(
        flow.tenant() + "/" + flow.name(),
        graph.getWidth(),
        graph.getHeight() + TITLE_ROOM,
        boxes,
        arrows);
  }

  private static Diagram.Arrow arrow(ElkEdge edge, String[] names) {
    List<Diagram.Point> points = new ArrayList<>();
    for (ElkEdgeSection section : edge.getSections()) {
      points.add(new Diagram.Point(section.getStartX(), section.getStartY() + TITLE_ROOM));
      section
          .getBendPoints()
          .forEach(b -> points.add(new Diagram.Point(b.getX(), b.getY() + TITLE_ROOM)));
      points.add(new Diagram.Point(section.getEndX(), section.getEndY() + TITLE_ROOM));
    }
    ElkLabel label = edge.getLabels().getFirst();
    return new Diagram.Arrow(
        names[0],
        names[1],
        points,
        names[2],
        new Diagram.Rect(
            label.getX(), label.getY() + TITLE_ROOM, label.getWidth(), label.getHeight()));
  }

  private static String style(Step step) {
    return switch (step) {
      case Step.Menu m -> "input";
      case Step.Language l -> "input";
      case Step.Collect c -> c.secure() ? "secure" : "input";
      case Step.Lookup l -> "lookup";
      case Step.Pay p -> "secure";
      case Step.Transfer t -> "agent";
      case Step.Hangup h -> "end";
      default -> "plain";
    };
  }
}
