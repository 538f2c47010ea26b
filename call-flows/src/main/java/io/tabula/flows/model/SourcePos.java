package io.tabula.flows.model;

/**
 * Where something is in a flow file, 1-based, as editors and compilers show it.
 *
 * <pre>{@code
 * new SourcePos("flows/city/parking-ticket.yaml", 12, 7).toString(); // "...yaml:12:7"
 * }</pre>
 */
public record SourcePos(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
