package io.tabula.masking.detect;

/** Receives each {@link DtmfResidue} a {@link ResidueDetector} finds, in stream order. */
@FunctionalInterface
public interface ResidueListener {

  void residue(DtmfResidue residue);
}
