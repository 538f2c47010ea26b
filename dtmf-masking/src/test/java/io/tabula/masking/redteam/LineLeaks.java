package io.tabula.masking.redteam;

import java.util.List;
import java.util.Random;

/**
 * Leak samples of one card number (or its track data or code) in the shapes programs and people
 * write them: separators, wrapping, split fields, arrays, escapes, non-ASCII digits, track 2, CVC
 * forms, and brands beyond the big four. Each sample is a line or two of a realistic log.
 */
final class LineLeaks {

  private final Random random;
  private final Cards cards;
  private final Noise noise;

  LineLeaks(Random random, Cards cards, Noise noise) {
    this.random = random;
    this.cards = cards;
    this.noise = noise;
  }

  private String head() {
    return noise.engineTime() + " INFO  [city-parking " + noise.uniqueId() + "] ";
  }

  List<String> plain() {
    String pan = cards.common();
    String[] forms = {"pan=" + pan, "card " + pan + " declined", "\"number\":\"" + pan + "\""};
    return List.of(head() + "i.t.pay.Gateway - " + forms[random.nextInt(forms.length)]);
  }

  List<String> otherSeparators() {
    String pan = cards.number("4", 16);
    String[] separators = {"/", "_", "|", "  ", "\t", "\u00a0", "\u2013", " - ", ":", "\u2009"};
    String sep = separators[random.nextInt(separators.length)];
    String grouped =
        pan.substring(0, 4)
            + sep
            + pan.substring(4, 8)
            + sep
            + pan.substring(8, 12)
            + sep
            + pan.substring(12);
    return List.of(head() + "i.t.crm.Notes - agent note: caller read card " + grouped);
  }

  List<String> wrappedAcrossLines() {
    String pan = cards.common();
    int cut = 4 + random.nextInt(pan.length() - 8);
    return List.of(
        head()
            + "i.t.pay.Gateway - request body: {\"source\":{\"number\":\""
            + pan.substring(0, cut),
        pan.substring(cut) + "\",\"exp_month\":12}}");
  }

  List<String> splitAcrossFields() {
    String pan = cards.common();
    if (random.nextBoolean()) {
      return List.of(
          head()
              + "{\"event\":\"card.captured\",\"bin\":\""
              + pan.substring(0, 6)
              + "\",\"rest\":\""
              + pan.substring(6)
              + "\"}");
    }
    return List.of(
        head()
            + "csv export row: 2026-12-05,"
            + pan.substring(0, 4)
            + ","
            + pan.substring(4, 8)
            + ","
            + pan.substring(8, 12)
            + ","
            + pan.substring(12)
            + ",APPROVED");
  }

  List<String> arrays() {
    String pan = cards.common();
    StringBuilder array = new StringBuilder("[");
    boolean bytes = random.nextBoolean();
    for (int i = 0; i < pan.length(); i++) {
      array.append(i == 0 ? "" : ", ").append(bytes ? (int) pan.charAt(i) : pan.charAt(i) - '0');
    }
    array.append(']');
    return List.of(head() + "i.t.engine.Debug - digits buffer " + array);
  }

  List<String> escapes() {
    String pan = cards.common();
    StringBuilder escaped = new StringBuilder();
    int kind = random.nextInt(4);
    for (char c : pan.toCharArray()) {
      escaped.append(
          switch (kind) {
            case 0 -> "%3" + c;
            case 1 -> "\\u003" + c;
            case 2 -> "&#" + (int) c + ";";
            default -> "&#x3" + c + ";";
          });
    }
    return List.of(head() + "i.t.web.Access - POST /pay?card=" + escaped + " 302");
  }

  List<String> unicodeDigits() {
    String pan = cards.common();
    int[] zeros = {0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50};
    int zero = zeros[random.nextInt(zeros.length)];
    StringBuilder out = new StringBuilder();
    for (char c : pan.toCharArray()) {
      out.appendCodePoint(zero + c - '0');
    }
    return List.of(head() + "i.t.crm.Notes - customer typed card " + out);
  }

  List<String> track2() {
    String pan = cards.number("4", 16);
    String discretionary = cards.digits(12);
    String track =
        pan
            + "D"
            + cards.expiry().substring(2)
            + cards.expiry().substring(0, 2)
            + "101"
            + discretionary;
    return List.of(
        head()
            + "i.t.pos.Reader - swipe data "
            + (random.nextBoolean() ? ";" + track + "?" : track));
  }

  List<String> cvcFormFields() {
    String cvc = cards.cvc(3);
    String[] forms = {
      "card[cvc]=" + cvc, "card%5Bcvc%5D=" + cvc, "payment[card][cvv]=" + cvc, "cvc2%3D" + cvc
    };
    return List.of(
        head()
            + "i.t.web.Access - POST /v1/tokens body=card[number]=tok_visa&"
            + forms[random.nextInt(forms.length)]
            + "&card[exp_month]=12");
  }

  List<String> cvcXmlAndBare() {
    String cvc = cards.cvc(3 + random.nextInt(2));
    String[] forms = {
      "<CardSecurityCode>" + cvc + "</CardSecurityCode>",
      "<cvv>" + cvc + "</cvv>",
      "cvv " + cvc,
      "CVV2 - " + cvc,
      "security code " + cvc
    };
    return List.of(head() + "i.t.pay.Soap - request " + forms[random.nextInt(forms.length)]);
  }

  List<String> widerBrands() {
    String[] brand = Cards.WIDER_BRANDS[random.nextInt(Cards.WIDER_BRANDS.length)];
    String pan = cards.number(brand[0], Integer.parseInt(brand[1]));
    return List.of(head() + "i.t.pay.Gateway - charge card_number=" + pan + " currency=BRL");
  }
}
