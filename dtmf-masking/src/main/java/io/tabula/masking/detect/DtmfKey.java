package io.tabula.masking.detect;

/** The sixteen DTMF keys with their row (low group) and column (high group) frequencies. */
public enum DtmfKey {
  D1('1', 0, 0),
  D2('2', 0, 1),
  D3('3', 0, 2),
  A('A', 0, 3),
  D4('4', 1, 0),
  D5('5', 1, 1),
  D6('6', 1, 2),
  B('B', 1, 3),
  D7('7', 2, 0),
  D8('8', 2, 1),
  D9('9', 2, 2),
  C('C', 2, 3),
  STAR('*', 3, 0),
  D0('0', 3, 1),
  HASH('#', 3, 2),
  D('D', 3, 3);

  /** Low-group frequencies in Hz, by row. */
  public static final double[] ROW_HZ = {697, 770, 852, 941};

  /** High-group frequencies in Hz, by column. */
  public static final double[] COLUMN_HZ = {1209, 1336, 1477, 1633};

  private static final DtmfKey[] BY_POSITION = values();

  private final char symbol;
  private final int row;
  private final int column;

  DtmfKey(char symbol, int row, int column) {
    this.symbol = symbol;
    this.row = row;
    this.column = column;
  }

  public static DtmfKey at(int row, int column) {
    return BY_POSITION[row * 4 + column];
  }

  /** The key as printed on a keypad. Secret in a recording of card entry: never log it. */
  public char symbol() {
    return symbol;
  }

  public int row() {
    return row;
  }

  public int column() {
    return column;
  }

  public double rowHz() {
    return ROW_HZ[row];
  }

  public double columnHz() {
    return COLUMN_HZ[column];
  }
}
