package io.tabula.masking.detect;

/**
 * One synthetic key tone: levels per frequency in dBm0, relative frequency offsets, duration.
 *
 * @param rowOffset relative error of the low-group frequency (0.015 = +1.5 %)
 */
record ToneSpec(
    DtmfKey key,
    double rowDbm0,
    double columnDbm0,
    double rowOffset,
    double columnOffset,
    int millis) {}
