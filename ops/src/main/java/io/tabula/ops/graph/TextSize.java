package io.tabula.ops.graph;

/**
 * How much room a line of text takes in the drawing. The SVG names a sans-serif font the viewer
 * picks, so widths are estimated on the wide side (0.62 em per character, where Helvetica and
 * DejaVu Sans average about 0.55) and the boxes and label places are sized from them.
 */
final class TextSize {

  static final double LABEL_FONT = 11;
  static final double TITLE_FONT = 12;
  static final double KIND_FONT = 11;
  private static final double EM_PER_CHAR = 0.62;

  private TextSize() {}

  static double width(String text, double fontSize) {
    return text.length() * fontSize * EM_PER_CHAR;
  }
}
