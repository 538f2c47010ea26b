package io.tabula.ops.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Every shipped flow, laid out and checked geometrically: nothing a reader needs is covered. */
class FlowDiagramTest {

  static List<String> shippedFlows() {
    return ShippedFlowFiles.names();
  }

  private static Flow flow(String file) {
    FlowCompiler.Compiled compiled =
        new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC())))
            .compile(file, ShippedFlowFiles.read(file).orElseThrow());
    return compiled.flow().orElseThrow(() -> new AssertionError(compiled.problems()));
  }

  @ParameterizedTest
  @MethodSource("shippedFlows")
  void noStepOverlapsAnotherStep(String file) {
    List<Diagram.Box> boxes = FlowDiagram.layout(flow(file)).boxes();

    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).rect().overlaps(boxes.get(j).rect()))
            .as("%s overlaps %s", boxes.get(i).id(), boxes.get(j).id())
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("shippedFlows")
  void noLabelOverlapsAnotherLabelOrAStep(String file) {
    Diagram diagram = FlowDiagram.layout(flow(file));
    List<Diagram.Arrow> arrows = diagram.arrows();

    for (int i = 0; i < arrows.size(); i++) {
      Diagram.Arrow arrow = arrows.get(i);
      for (Diagram.Box box : diagram.boxes()) {
        assertThat(arrow.labelRect().overlaps(box.rect()))
            .as(
                "label '%s' of %s->%s overlaps step %s",
                arrow.label(), arrow.from(), arrow.to(), box.id())
            .isFalse();
      }
      for (int j = i + 1; j < arrows.size(); j++) {
        assertThat(arrow.labelRect().overlaps(arrows.get(j).labelRect()))
            .as("label '%s' overlaps label '%s'", arrow.label(), arrows.get(j).label())
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("shippedFlows")
  void everythingLiesInsideThePicture(String file) {
    Diagram diagram = FlowDiagram.layout(flow(file));
    Diagram.Rect picture = new Diagram.Rect(0, 0, diagram.width(), diagram.height());

    diagram.boxes().forEach(box -> assertThat(inside(box.rect(), picture)).as(box.id()).isTrue());
    diagram
        .arrows()
        .forEach(a -> assertThat(inside(a.labelRect(), picture)).as(a.label()).isTrue());
  }

  @ParameterizedTest
  @MethodSource("shippedFlows")
  void theSvgIsWellFormedWithABoxPerStepAndEveryTransitionLabelled(String file) throws Exception {
    Flow flow = flow(file);
    String svg = DiagramSvg.write(FlowDiagram.layout(flow));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    long transitions = flow.steps().values().stream().mapToLong(s -> s.edges().size()).sum();

    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(transitions);
    // the background, one per step, one behind each label
    assertThat(document.getElementsByTagName("rect").getLength())
        .isEqualTo(1 + flow.steps().size() + transitions);
  }

  private static boolean inside(Diagram.Rect inner, Diagram.Rect outer) {
    return inner.x() >= outer.x()
        && inner.y() >= outer.y()
        && inner.x() + inner.width() <= outer.x() + outer.width()
        && inner.y() + inner.height() <= outer.y() + outer.height();
  }
}
