package io.tabula.flows.connect;

import java.util.Map;

/** How a lookup ended. The flow branches on the kind; only {@link Found} carries values. */
public sealed interface LookupResult {

  /** The record exists; {@code values} are named non-secret values such as {@code balance}. */
  record Found(Map<String, Value> values) implements LookupResult {
    public Found {
      values = Map.copyOf(values);
    }
  }

  /** No record matches the inputs (wrong ticket number, account and ZIP do not match). */
  record NotFound() implements LookupResult {}

  /**
   * The lookup could not be answered.
   *
   * @param kind what went wrong
   * @param retryable whether asking again may succeed (a timeout, a pool that is full)
   */
  record Failed(FailureKind kind, boolean retryable) implements LookupResult {}

  /** Why a lookup failed; never carries the inputs. */
  enum FailureKind {
    TIMEOUT,
    UNAVAILABLE,
    BAD_INPUT,
    INTERNAL
  }
}
