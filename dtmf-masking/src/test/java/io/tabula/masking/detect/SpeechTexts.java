package io.tabula.masking.detect;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the synthetic voices read: IVR prompts in each language, digit strings (read as numbers in
 * the voice's language) and pronounceable nonsense, shuffled per batch. About 100 seconds each.
 */
final class SpeechTexts {

  private static final Map<String, List<String>> PROMPTS =
      Map.of(
          "en",
          List.of(
              "Welcome to the city parking office. Please enter your ticket number followed by the"
                  + " hash key.",
              "Your balance is forty two dollars and fifty cents. To pay now, press one.",
              "Please key in the sixteen digits of your card, then the expiry date.",
              "Thank you. Your payment was approved. Goodbye, and have a wonderful evening."),
          "de",
          List.of(
              "Willkommen bei den Stadtwerken. Bitte geben Sie Ihre Kundennummer ein.",
              "Ihr offener Betrag beträgt achtundneunzig Euro und zwanzig Cent.",
              "Bitte geben Sie jetzt die Nummer Ihrer Kreditkarte und das Ablaufdatum ein.",
              "Vielen Dank für Ihren Anruf. Auf Wiederhören."),
          "fr",
          List.of(
              "Bienvenue au service de stationnement de la ville. Veuillez saisir votre numéro.",
              "Votre solde est de trente sept euros. Pour payer maintenant, tapez un.",
              "Merci de composer les seize chiffres de votre carte bancaire.",
              "Votre paiement a été accepté. Au revoir et bonne journée."),
          "es",
          List.of(
              "Bienvenido a la oficina de aparcamiento. Marque su número de multa, por favor.",
              "Su saldo pendiente es de cincuenta y cinco euros con diez céntimos.",
              "Introduzca los dieciséis dígitos de su tarjeta y la fecha de caducidad.",
              "Gracias por su llamada. Su pago ha sido aprobado."),
          "it",
          List.of(
              "Benvenuti al servizio parcheggi del comune. Inserite il numero della multa.",
              "Il vostro saldo è di ventidue euro e trenta centesimi.",
              "Digitate le sedici cifre della carta di credito, poi la data di scadenza.",
              "Grazie per aver chiamato. Arrivederci."),
          "pt",
          List.of(
              "Bem-vindo ao serviço de estacionamento da cidade. Digite o número da sua multa.",
              "O seu saldo é de quarenta e oito euros. Para pagar agora, prima um.",
              "Introduza os dezasseis dígitos do seu cartão e a data de validade.",
              "Obrigado pela sua chamada. O pagamento foi aprovado."),
          "nl",
          List.of(
              "Welkom bij de parkeerdienst van de gemeente. Toets uw klantnummer in.",
              "Uw openstaande bedrag is zesenzestig euro en vijftig cent.",
              "Toets de zestien cijfers van uw betaalkaart en de vervaldatum in.",
              "Bedankt voor uw oproep. Tot ziens."),
          "pl",
          List.of(
              "Witamy w miejskim biurze parkingowym. Proszę wprowadzić numer mandatu.",
              "Do zapłaty pozostało sto dwadzieścia złotych.",
              "Proszę wprowadzić szesnaście cyfr numeru karty oraz datę ważności.",
              "Dziękujemy za telefon. Do widzenia."),
          "sv",
          List.of(
              "Välkommen till stadens parkeringskontor. Ange ditt ärendenummer.",
              "Ditt saldo är trehundra kronor. Tryck ett för att betala nu.",
              "Ange de sexton siffrorna på ditt kort och utgångsdatumet.",
              "Tack för ditt samtal. Hej då."));

  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "gi", "ho", "ja", "ke", "la",
    "ma", "no", "pe", "qui", "ro", "si", "tu", "wa", "xe", "yo", "ze", "an", "el", "in", "on", "ur"
  };

  private SpeechTexts() {}

  static String script(String language, SplittableRandom random) {
    List<String> prompts = PROMPTS.get(language);
    StringBuilder text = new StringBuilder(8192);
    for (int part = 0; part < 40; part++) {
      switch (random.nextInt(3)) {
        case 0 -> text.append(prompts.get(random.nextInt(prompts.size())));
        case 1 -> digits(text, random);
        default -> nonsense(text, random);
      }
      text.append(random.nextBoolean() ? ". " : ", ");
    }
    return text.toString();
  }

  private static void digits(StringBuilder text, SplittableRandom random) {
    int groups = 1 + random.nextInt(4);
    for (int g = 0; g < groups; g++) {
      int length = 1 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      text.append(' ');
    }
  }

  private static void nonsense(StringBuilder text, SplittableRandom random) {
    int words = 3 + random.nextInt(6);
    for (int w = 0; w < words; w++) {
      int syllables = 1 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        text.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      text.append(' ');
    }
  }
}
