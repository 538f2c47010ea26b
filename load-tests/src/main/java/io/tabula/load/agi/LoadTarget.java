package io.tabula.load.agi;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A FastAGI server under measurement: where the generator connects, and the process whose CPU and
 * memory are read from {@code /proc}. Either a JVM the harness starts itself ({@link
 * TargetProcess}) or a server started elsewhere ({@link ExternalTarget}, for example the C floor
 * pinned to its own core).
 */
interface LoadTarget extends AutoCloseable {

  /** The name the results are printed under ({@code engine}, {@code floor}, ...). */
  String name();

  /** Where the generator connects. */
  InetSocketAddress address();

  /** The process whose CPU and memory count as the target's. */
  long pid();

  /** Its memory now: RSS always, heap and direct buffers when the target reports them. */
  TargetStats stats() throws IOException;

  @Override
  void close();
}
