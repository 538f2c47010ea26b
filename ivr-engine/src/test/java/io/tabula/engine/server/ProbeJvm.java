package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a JVM of its own, on this test JVM's class path: for what a JVM
 * fixes once at start (a flag, a property Netty reads when its class loads).
 */
final class ProbeJvm {

  private ProbeJvm() {}

  /** The probe's output lines, after it ended with exit code 0 within a minute. */
  static List<String> run(List<String> jvmOptions, Class<?> main, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(1, TimeUnit.MINUTES)).as("the probe JVM ends").isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    return output.strip().lines().toList();
  }
}
