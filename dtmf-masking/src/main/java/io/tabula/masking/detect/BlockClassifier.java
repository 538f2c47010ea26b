package io.tabula.masking.detect;

/**
 * Decides whether one analysis block holds a DTMF key: both tones above the minimum level, twist
 * within limits, each tone clearly the strongest of its group, and the two tones carrying most of
 * the block's energy (speech and music spread theirs; a key tone does not).
 */
final class BlockClassifier {

  /** A tone must be 6 dB above every other frequency of its group. */
  private static final double GROUP_DOMINANCE = Math.pow(10, 6.0 / 10);

  private final double minPower;
  private final double normalTwist;
  private final double reverseTwist;
  private final double purity;
  private final int blockLength;

  BlockClassifier(DetectorConfig config, int blockLength) {
    double amplitude = Dbm0.peak(config.minLevelDbm0());
    this.minPower = Math.pow(amplitude * blockLength / 2, 2);
    this.normalTwist = Math.pow(10, config.normalTwistDb() / 10);
    this.reverseTwist = Math.pow(10, config.reverseTwistDb() / 10);
    this.purity = config.purity();
    this.blockLength = blockLength;
  }

  /** The key in the bank's current block, or null. */
  DtmfKey classify(GoertzelBank bank) {
    int row = strongest(bank, 0);
    int column = strongest(bank, 4);
    double rowPower = bank.power(row);
    double columnPower = bank.power(column);
    if (rowPower < minPower || columnPower < minPower) {
      return null;
    }
    if (columnPower > rowPower * reverseTwist || rowPower > columnPower * normalTwist) {
      return null;
    }
    if (!dominates(bank, 0, row) || !dominates(bank, 4, column)) {
      return null;
    }
    double toneEnergy = 2 * (rowPower + columnPower) / blockLength;
    if (toneEnergy < purity * bank.blockEnergy) {
      return null;
    }
    return DtmfKey.at(row, column - 4);
  }

  static int strongest(GoertzelBank bank, int first) {
    int best = first;
    for (int f = first + 1; f < first + 4; f++) {
      if (bank.power(f) > bank.power(best)) {
        best = f;
      }
    }
    return best;
  }

  private static boolean dominates(GoertzelBank bank, int first, int winner) {
    double power = bank.power(winner);
    for (int f = first; f < first + 4; f++) {
      if (f != winner && bank.power(f) * GROUP_DOMINANCE > power) {
        return false;
      }
    }
    return true;
  }
}
