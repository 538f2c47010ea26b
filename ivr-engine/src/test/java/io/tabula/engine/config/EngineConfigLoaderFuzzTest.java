package io.tabula.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.HostileYaml;
import io.tabula.testing.TimeBound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Coverage-guided fuzzing of {@link EngineConfigLoader} (docs/fuzzing.md) on any file and on
 * hostile YAML: loading ends in bounded time with a configuration or a {@link ConfigException} that
 * says what to do, never another exception.
 */
class EngineConfigLoaderFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final Path FILE = tempFile();

  @FuzzTest
  void loadsAnyFile(FuzzedDataProvider data) throws Exception {
    String environmentValue = data.consumeString(40);
    byte[] file = data.consumeRemainingAsBytes();
    Files.write(FILE, file);
    BOUND.run(() -> loadOrExplain(Map.of("TABULA_AGI_PORT", environmentValue)));
  }

  @FuzzTest
  void loadsHostileYaml(FuzzedDataProvider data) throws Exception {
    Files.write(FILE, HostileYaml.from(data).getBytes(StandardCharsets.UTF_8));
    BOUND.run(() -> loadOrExplain(Map.of()));
  }

  private static void loadOrExplain(Map<String, String> environment) {
    try {
      assertThat(EngineConfigLoader.load(FILE, environment)).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("fuzz-engine", ".yaml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
