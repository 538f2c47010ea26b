package io.tabula.masking.memory;

import static io.tabula.masking.memory.Digits.rawBytes;
import static io.tabula.masking.memory.Digits.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabula.masking.card.CardBrand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretFieldTest {

  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(2, 128, false, false));
  private final CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void toStringShowsNameAndLengthOnly() {
    SecretField pan = type(memory.field("pan", 19), "4242424242424242");

    assertThat(pan).hasToString("pan[16 digits, masked]");
    assertThat(memory.toString()).doesNotContain("4242").contains("pan[16 digits, masked]");
    memory.release();
    assertThat(pan).hasToString("pan[released]");
    assertThat(memory).hasToString("CallMemory[released]");
  }

  @Test
  void helpersAnswerWithoutExposingDigits() {
    SecretField pan = type(memory.field("pan", 19), "378282246310005");
    SecretField confirm = type(memory.field("pan_again", 19), "378282246310005");
    SecretField other = type(memory.field("other", 19), "378282246310006");

    assertThat(pan.length()).isEqualTo(15);
    assertThat(pan.luhnValid()).isTrue();
    assertThat(other.luhnValid()).isFalse();
    assertThat(pan.brand()).isEqualTo(CardBrand.AMERICAN_EXPRESS);
    assertThat(pan.lastFour()).isEqualTo("0005");
    assertThat(pan.contentEquals(confirm)).isTrue();
    assertThat(pan.contentEquals(other)).isFalse();
  }

  @Test
  void digitsComeStraightFromANettyBufferRegionWithoutMovingItsIndex() {
    ByteBuf reply =
        Unpooled.copiedBuffer("200 result=4242424242424242\n", StandardCharsets.US_ASCII);
    try {
      SecretField pan = memory.field("pan", 19);

      assertThat(pan.appendFrom(reply, 11, 16)).isEqualTo(16);

      assertThat(pan.luhnValid()).isTrue();
      assertThat(reply.readerIndex()).isZero();
    } finally {
      reply.release();
    }
  }

  @Test
  void digitsComeFromAByteBuffer() {
    ByteBuffer source = ByteBuffer.allocateDirect(4);
    source.put("1228".getBytes(StandardCharsets.US_ASCII)).flip();
    SecretField expiry = memory.field("expiry", 4);

    expiry.appendFrom(source);

    assertThat(source.hasRemaining()).isFalse();
    assertThat(expiry.length()).isEqualTo(4);
  }

  @Test
  void anythingButADigitIsRefusedWithoutEchoingIt() {
    SecretField pin = memory.field("pin", 12);
    ByteBuf garbage = Unpooled.copiedBuffer("12#4", StandardCharsets.US_ASCII);
    try {
      assertThatThrownBy(() -> pin.append((byte) '*'))
          .isInstanceOf(SecretFieldException.class)
          .hasMessage("field 'pin' accepts only the digits 0-9");
      assertThatThrownBy(() -> pin.appendFrom(garbage, 0, 4))
          .isInstanceOf(SecretFieldException.class);
      assertThat(pin.length()).as("nothing appended from a partly bad region").isZero();
    } finally {
      garbage.release();
    }
  }

  @Test
  void aFieldNeverTakesMoreThanItsCapacity() {
    SecretField cvc = type(memory.field("cvc", 4), "1234");

    assertThatThrownBy(() -> cvc.append((byte) '5'))
        .isInstanceOf(SecretFieldException.class)
        .extracting(e -> ((SecretFieldException) e).reason())
        .isEqualTo(SecretFieldException.Reason.FIELD_FULL);
    assertThat(cvc.isFull()).isTrue();
  }

  @Test
  void aSlotRefusesFieldsThatDoNotFit() {
    memory.field("big", 100);

    assertThatThrownBy(() -> memory.field("more", 29))
        .isInstanceOf(SecretFieldException.class)
        .hasMessageContaining("raise the slot size");
    assertThatThrownBy(() -> memory.field("big", 50)).hasMessageContaining("cannot be redefined");
    assertThat(memory.field("big", 100)).isSameAs(memory.find("big").orElseThrow());
  }

  @Test
  void clearZeroesOneFieldAndKeepsTheOthers() {
    SecretField pan = type(memory.field("pan", 19), "4242424242424242");
    SecretField zip = type(memory.field("zip", 5), "90210");

    pan.clear();

    assertThat(pan.length()).isZero();
    assertThat(zip.length()).isEqualTo(5);
    byte[] raw = rawBytes(pool, memory.slot());
    for (int i = 0; i < 19; i++) {
      assertThat(raw[i]).as("byte %d of the cleared field", i).isZero();
    }
  }

  @Test
  void aViewStopsWorkingWhenItsCallbackReturns() {
    SecretField pan = type(memory.field("pan", 19), "4242");
    AtomicReference<SecretDigits> escaped = new AtomicReference<>();

    pan.read(
        digits -> {
          escaped.set(digits);
          return digits.length();
        });

    assertThatThrownBy(() -> escaped.get().digitAt(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only inside the read callback");
    assertThat(escaped.get()).hasToString("SecretDigits[4 digits, masked]");
  }

  @Test
  void aViewWritesDigitsIntoAnOutputBuffer() {
    SecretField pan = type(memory.field("pan", 19), "5555555555554444");
    ByteBuf out = Unpooled.directBuffer(32);
    try {
      pan.read(
          digits -> {
            digits.writeTo(out);
            return null;
          });
      assertThat(out.readableBytes()).isEqualTo(16);
      assertThat(out.getByte(0)).isEqualTo((byte) '5');
      out.setZero(0, out.capacity());
    } finally {
      out.release();
    }
  }

  /**
   * A buffer that must grow to take the digits copies its content into new memory and lets the old
   * go; the old memory must not keep the digits written into it before.
   */
  @Test
  void aBufferThatGrowsForTheDigitsLeavesNoCopyInItsOldMemory() {
    SecretField pan = type(memory.field("pan", 19), "4242424242424242");
    SecretField cvc = type(memory.field("cvc", 4), "737");
    ByteBuf out = Unpooled.buffer(16, 256);
    pan.read(
        digits -> {
          digits.writeTo(out);
          return null;
        });
    byte[] before = out.array();

    cvc.read(
        digits -> {
          digits.writeTo(out);
          return null;
        });

    assertThat(out.array()).as("the buffer grew").isNotSameAs(before);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("4242424242424242737");
    assertThat(before).as("its old memory").containsOnly((byte) 0);
  }

  @Test
  void aCopyGivesTheDigitsOutsideTheCallsMemoryUntilClosed() throws Exception {
    SecretField pan = type(memory.field("pan", 19), "4242424242424242");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    SecretCopy copy;
    try (SecretCopy digits = pan.copy()) {
      copy = digits;
      memory.release();
      assertThat(digits.length()).isEqualTo(16);
      digits.writeTo(out);
      assertThat(digits).hasToString("SecretCopy[16 digits, masked]");
    }

    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("4242424242424242");
    assertThatThrownBy(copy::length).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lastFourIsRefusedForShortFields() {
    SecretField pin = type(memory.field("pin", 12), "1234");

    assertThatThrownBy(pin::lastFour).hasMessageContaining("too short");
  }
}
