package io.tabula.masking.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as encoders must see it: every text that can carry caller data is masked, lazily
 * and once. Everything else (level, logger, time, thread, markers, caller data) is the original's.
 */
final class MaskedLoggingEvent implements ILoggingEvent {

  private final ILoggingEvent original;
  private final UnaryOperator<String> masker;
  private String formattedMessage;
  private Object[] arguments;
  private Map<String, String> mdc;
  private IThrowableProxy throwable;
  private List<KeyValuePair> keyValuePairs;

  MaskedLoggingEvent(ILoggingEvent original, UnaryOperator<String> masker) {
    this.original = original;
    this.masker = masker;
  }

  @Override
  public String getMessage() {
    return masker.apply(original.getMessage());
  }

  @Override
  public String getFormattedMessage() {
    if (formattedMessage == null) {
      formattedMessage = masker.apply(original.getFormattedMessage());
    }
    return formattedMessage;
  }

  @Override
  public Object[] getArgumentArray() {
    Object[] raw = original.getArgumentArray();
    if (raw == null || arguments != null) {
      return raw == null ? null : arguments;
    }
    Object[] masked = raw.clone();
    for (int i = 0; i < masked.length; i++) {
      masked[i] = maskedArgument(masked[i]);
    }
    arguments = masked;
    return arguments;
  }

  /** An argument whose text holds a secret becomes its masked text; others stay as they are. */
  private Object maskedArgument(Object argument) {
    if (argument == null || argument instanceof Boolean || argument instanceof Enum<?>) {
      return argument;
    }
    String text = String.valueOf(argument);
    String masked = masker.apply(text);
    return masked == text ? argument : masked;
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    if (mdc == null) {
      mdc = maskedMdc(original.getMDCPropertyMap());
    }
    return mdc;
  }

  private Map<String, String> maskedMdc(Map<String, String> raw) {
    if (raw == null || raw.isEmpty()) {
      return raw;
    }
    Map<String, String> masked = null;
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      String value = masker.apply(entry.getValue());
      if (value != entry.getValue()) {
        masked = masked == null ? new HashMap<>(raw) : masked;
        masked.put(entry.getKey(), value);
      }
    }
    return masked == null ? raw : Map.copyOf(masked);
  }

  @Override
  @Deprecated
  public Map<String, String> getMdc() {
    return getMDCPropertyMap();
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    if (throwable == null && original.getThrowableProxy() != null) {
      throwable = new MaskedThrowableProxy(original.getThrowableProxy(), masker);
    }
    return throwable;
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    List<KeyValuePair> raw = original.getKeyValuePairs();
    if (raw == null || raw.isEmpty() || keyValuePairs != null) {
      return keyValuePairs == null ? raw : keyValuePairs;
    }
    List<KeyValuePair> masked = new ArrayList<>(raw.size());
    for (KeyValuePair pair : raw) {
      masked.add(new KeyValuePair(pair.key, maskedArgument(pair.value)));
    }
    keyValuePairs = masked;
    return keyValuePairs;
  }

  @Override
  public String getThreadName() {
    return original.getThreadName();
  }

  @Override
  public Level getLevel() {
    return original.getLevel();
  }

  @Override
  public String getLoggerName() {
    return original.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return original.getLoggerContextVO();
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return original.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return original.hasCallerData();
  }

  @Override
  public List<Marker> getMarkerList() {
    return original.getMarkerList();
  }

  @Override
  public long getTimeStamp() {
    return original.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return original.getNanoseconds();
  }

  @Override
  public Instant getInstant() {
    return original.getInstant();
  }

  @Override
  public long getSequenceNumber() {
    return original.getSequenceNumber();
  }

  @Override
  public void prepareForDeferredProcessing() {
    original.prepareForDeferredProcessing();
    getFormattedMessage();
    getMDCPropertyMap();
    getThrowableProxy();
  }
}
