package io.tabula.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Asks a running engine how it is. Exit 0 while it serves calls, 1 when a part is DOWN, 2 when no
 * engine answers; the container image uses it as its health check.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Show a running engine's health (exit 0 serving, 1 down, 2 unreachable).")
final class HealthCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:9573/health",
      description = "The engine's admin health URL (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(
      names = "--timeout",
      defaultValue = "3s",
      converter = CommandLineDuration.class,
      description =
          "How long to wait for the answer, like 500ms or 3s (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      out.println(response.body());
      out.flush();
      return response.statusCode() == 200 ? 0 : 1;
    } catch (IOException unreachable) {
      err.printf(
          "No engine answers at %s (%s). Is 'tabula serve' running, and is admin.port right?%n",
          url, unreachable.getClass().getSimpleName());
      err.flush();
      return 2;
    }
  }
}
