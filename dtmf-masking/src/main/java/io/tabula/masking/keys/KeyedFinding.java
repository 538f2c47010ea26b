package io.tabula.masking.keys;

/**
 * A card (or a card's expiry and security code) that a caller keyed one key per line, put back
 * together from the lines of one call.
 *
 * @param call the channel, SIP Call-ID or RTP stream the keys belong to (never a digit of the card)
 * @param firstLine the line of the first key of the finding (1-based)
 * @param lastLine the line of its last key
 * @param kind e.g. "card number keyed key by key"
 * @param masked the finding as it may be shown: brand and last four at most
 */
public record KeyedFinding(
    String call, long firstLine, long lastLine, String kind, String masked) {}
