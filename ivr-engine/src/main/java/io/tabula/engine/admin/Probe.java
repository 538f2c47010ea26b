package io.tabula.engine.admin;

/**
 * A Kubernetes-style probe of the engine: {@code /ready} (send new calls here?) or {@code /live}
 * (is the process still working, or should it be restarted?). Must answer quickly and never block
 * on the network.
 */
@FunctionalInterface
public interface Probe {

  ProbeResult probe();
}
