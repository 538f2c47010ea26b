package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTPS requests to a {@link ConsoleFixture} (its cookies, the test CA
 * trusted), for tests that need crafted requests rather than a real browser.
 */
final class ConsoleClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final ConsoleFixture console;
  private final HttpClient client;

  ConsoleClient(ConsoleFixture console) {
    this.console = console;
    this.client =
        HttpClient.newBuilder()
            .sslContext(console.ca.clientContext())
            .cookieHandler(new CookieManager())
            .build();
  }

  /** Signs {@code user} in with password and code; returns the CSRF token of its session. */
  String login(String user) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        post(
            "/login",
            Map.of(
                "_csrf",
                csrf(get("/login").body()),
                "username",
                user,
                "password",
                new String(ConsoleFixture.password(user)),
                "code",
                console.code(user)));
    assertThat(answer.statusCode()).as("sign-in of " + user).isEqualTo(303);
    return csrf(get("/flows").body());
  }

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return m.group(1);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(console.url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    return post(path, form, Map.of());
  }

  HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(console.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
