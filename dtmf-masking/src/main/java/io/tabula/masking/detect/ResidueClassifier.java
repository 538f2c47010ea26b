package io.tabula.masking.detect;

/**
 * The residue detector's cheap first look at a 10 ms block: could it hold a dual tone on the DTMF
 * grid? Loose on purpose (no lead over the rest of each group, a low energy share, extra twist),
 * because a block that only partly covers a short, twisted or off-frequency tone looks poor; the
 * exact fit ({@link DualToneFit}) decides.
 */
final class ResidueClassifier {

  /** A block may cover half of a short tone, which loses 6 dB. */
  private static final double PARTIAL_BLOCK_DB = 6;

  /** A tone 5 % off nominal loses up to about 4 dB in a 10 ms filter. */
  private static final double OFFSET_LOSS_DB = 4;

  private final double minPower;
  private final double maxTwist;
  private final double purity;
  private final int blockLength;

  ResidueClassifier(ResidueConfig config, int blockLength) {
    double floorDbm0 = config.minLevelDbm0() - PARTIAL_BLOCK_DB - OFFSET_LOSS_DB;
    double peak = Dbm0.peak(floorDbm0);
    this.minPower = Math.pow(peak * blockLength / 2, 2);
    this.maxTwist = Math.pow(10, (config.maxTwistDb() + OFFSET_LOSS_DB) / 10);
    this.purity = config.gatePurity();
    this.blockLength = blockLength;
  }

  /** Whether the bank's current block may hold a dual tone. */
  boolean mayHoldDualTone(GoertzelBank bank) {
    double rowPower = bank.power(BlockClassifier.strongest(bank, 0));
    double columnPower = bank.power(BlockClassifier.strongest(bank, 4));
    if (rowPower < minPower || columnPower < minPower) {
      return false;
    }
    if (rowPower > columnPower * maxTwist || columnPower > rowPower * maxTwist) {
      return false;
    }
    double toneEnergy = 2 * (rowPower + columnPower) / blockLength;
    return toneEnergy >= purity * bank.blockEnergy;
  }
}
