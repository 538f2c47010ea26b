package io.tabula.engine.cli;

import io.tabula.engine.admin.AdminToken;
import io.tabula.engine.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Asks a running engine how it is. Exit 0 while it serves calls (also DEGRADED, e.g. secure input
 * down because an AMI link is), 1 when it cannot take calls or the token is refused, 2 when no
 * engine answers; the container image uses it as its health check. When the engine's admin endpoint
 * requires a token ({@code admin.tokenFile}), pass the same file with {@code --token-file} or in
 * {@code TABULA_ADMIN_TOKEN_FILE}.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Show a running engine's health (exit 0 serving, 1 down, 2 unreachable).")
final class HealthCommand implements Callable<Integer> {

  /** The environment variable of the engine's {@code admin.tokenFile}. */
  static final String TOKEN_FILE_VARIABLE = "TABULA_ADMIN_TOKEN_FILE";

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

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the admin endpoint's bearer token (the engine's admin.tokenFile);"
              + " default: the file named by TABULA_ADMIN_TOKEN_FILE, if set.")
  Path tokenFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
    try {
      token().ifPresent(token -> request.header("Authorization", token.authorizationHeader()));
    } catch (ConfigException e) {
      err.println("tabula health: " + e.getMessage());
      err.flush();
      return 2;
    }
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  /** {@code --token-file}, else the file the engine's own setting names in the environment. */
  private Optional<AdminToken> token() {
    if (tokenFile != null) {
      return Optional.of(AdminToken.read(tokenFile));
    }
    String fromEnvironment = System.getenv(TOKEN_FILE_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank()
        ? Optional.empty()
        : Optional.of(AdminToken.read(Path.of(fromEnvironment.strip())));
  }
}
