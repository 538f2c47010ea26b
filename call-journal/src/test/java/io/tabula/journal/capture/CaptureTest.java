package io.tabula.journal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.journal.JournalCalls;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.JournalDecryptionException;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the journal captures of a call, and that it keeps no card data and no clear value. */
class CaptureTest {

  private final JournalPrivateKey key = JournalPrivateKey.generate();
  private final SearchKey search = SearchKey.generate();
  private final List<JournalRecord> written = new CopyOnWriteArrayList<>();
  private final JournalQueue queue =
      JournalQueue.start(
          written::addAll, JournalQueueSettings.defaults(), new SimpleMeterRegistry());
  private final CallMemoryPool pool = FlowSimulator.smallPool();

  @AfterEach
  void close() {
    queue.close();
    pool.close();
  }

  private JournalCapture capture(TenantJournal... tenants) {
    Map<String, TenantJournal> byName = new java.util.HashMap<>();
    for (TenantJournal tenant : tenants) {
      byName.put(tenant.tenant(), tenant);
    }
    return new JournalCapture(byName, queue, JournalCalls.CLOCK, new SimpleMeterRegistry());
  }

  private TenantJournal city(JournalPrivateKey... keys) {
    return new TenantJournal(
        "city",
        java.util.Arrays.stream(keys).map(JournalPrivateKey::publicKey).toList(),
        search,
        TenantJournal.DEFAULT_RETENTION);
  }

  private JournalRecord onlyRecord() throws InterruptedException {
    assertThat(queue.awaitDrained(Duration.ofSeconds(10))).isTrue();
    assertThat(written).hasSize(1);
    return written.getFirst();
  }

  @Test
  void aPaidCallIsJournaledWithItsStepsChoicesOutcomesAndPayment() throws Exception {
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    JournalCalls.call(pool, flow, JournalCalls.PAID_PARKING_CALL, capture(city(key)));

    JournalRecord record = onlyRecord();
    assertThat(record.tenant()).isEqualTo("city");
    assertThat(record.flow()).isEqualTo("parking-ticket");
    assertThat(record.flowVersion()).isEqualTo(1);
    assertThat(record.steps())
        .extracting(JournalRecord.StepEntry::step)
        .startsWith("welcome", "ask-ticket", "find-ticket");
    assertThat(record.events())
        .contains(
            new JournalRecord.EventEntry("find-ticket", "outcome", "found"),
            new JournalRecord.EventEntry("offer-payment", "menu", "1"));
    assertThat(record.payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.result()).isEqualTo("approved");
              assertThat(p.amount()).isEqualTo("45.00");
              assertThat(p.currency()).isEqualTo("USD");
              assertThat(p.lastFour()).isEqualTo("4242");
              assertThat(p.brand()).isEqualTo("Visa");
              assertThat(p.confirmation()).isNotBlank();
            });
    assertThat(record.ending()).isEqualTo("hangup");
    assertThat(record.end()).isAfterOrEqualTo(record.start());
  }

  @Test
  void theTicketIsSealedAtCaptureAndOpensOnlyWithTheTenantsPrivateKey() throws Exception {
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    JournalCalls.call(pool, flow, JournalCalls.PAID_PARKING_CALL, capture(city(key)));

    JournalRecord record = onlyRecord();
    SealedField ticket = record.sealed().getFirst();
    assertThat(record.sealed()).hasSize(1);
    assertThat(ticket.field()).isEqualTo("ticket");
    assertThat(ticket.sealed().keyId()).isEqualTo(key.publicKey().id());
    byte[] aad = SealedField.associatedData("city", record.id(), "ticket");
    assertThat(new String(JournalCipher.open(key, ticket.sealed(), aad), StandardCharsets.US_ASCII))
        .isEqualTo("12345678");
    assertThatThrownBy(() -> JournalCipher.open(JournalPrivateKey.generate(), ticket.sealed(), aad))
        .isInstanceOf(JournalDecryptionException.class);
    assertThat(record.indexes())
        .containsExactly(
            new JournalRecord.IndexEntry(
                "ticket", BlindIndex.of(search, "city", "ticket", "12345678")));
  }

  @Test
  void noCardDataAndNoClearTicketAnywhereInTheRecord() throws Exception {
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    JournalCalls.call(pool, flow, JournalCalls.PAID_PARKING_CALL, capture(city(key)));

    String everything = onlyRecord().toString();
    assertThat(everything)
        .doesNotContain("4242424242424242")
        .doesNotContain("1230123")
        .doesNotContain("12345678");
  }

  @Test
  void afterRotationNewRecordsGoToTheNewestKeyAndOldOnesStillOpenWithTheOldKey() throws Exception {
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    JournalPrivateKey newer = JournalPrivateKey.generate();
    JournalCalls.call(pool, flow, JournalCalls.PAID_PARKING_CALL, capture(city(key)));
    JournalCalls.call(pool, flow, JournalCalls.PAID_PARKING_CALL, capture(city(key, newer)));
    assertThat(queue.awaitDrained(Duration.ofSeconds(10))).isTrue();

    JournalRecord before = written.get(0);
    JournalRecord after = written.get(1);
    SealedField old = before.sealed().getFirst();
    SealedField now = after.sealed().getFirst();
    assertThat(old.sealed().keyId()).isEqualTo(key.publicKey().id());
    assertThat(now.sealed().keyId()).isEqualTo(newer.publicKey().id());
    byte[] oldAad = SealedField.associatedData("city", before.id(), "ticket");
    byte[] newAad = SealedField.associatedData("city", after.id(), "ticket");
    assertThat(JournalCipher.open(key, old.sealed(), oldAad)).asString().isEqualTo("12345678");
    assertThat(JournalCipher.open(newer, now.sealed(), newAad)).asString().isEqualTo("12345678");
    assertThatThrownBy(() -> JournalCipher.open(key, now.sealed(), newAad))
        .isInstanceOf(JournalDecryptionException.class)
        .hasMessageContaining(newer.publicKey().id());
    // The blind index does not depend on the public key: one search finds both.
    assertThat(before.indexes()).isEqualTo(after.indexes());
  }

  @Test
  void aTenantWithoutAJournalIsNotJournaled() throws Exception {
    Flow flow = JournalCalls.flow("utility/balance.yaml");
    JournalCalls.call(pool, flow, "1002003004# 94110#", capture(city(key)));
    assertThat(queue.awaitDrained(Duration.ofSeconds(10))).isTrue();
    assertThat(written).isEmpty();
  }

  @Test
  void aCallerWhoHangsUpIsJournaledWithTheCause() throws Exception {
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    JournalCalls.call(pool, flow, "12345678# H", capture(city(key)));
    JournalRecord record = onlyRecord();
    assertThat(record.ending()).isEqualTo("caller hung up");
    assertThat(record.sealed()).hasSize(1);
    assertThat(record.payments()).isEmpty();
  }
}
