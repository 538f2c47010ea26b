package io.tabula.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Where the docker/ folder is and how to read its YAML files, for the stack's tests. */
final class StackFiles {

  static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", ".."));
  static final Path DOCKER = REPO.resolve("docker");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StackFiles() {}

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static JsonNode compose() {
    return yaml(DOCKER.resolve("compose.yaml"));
  }
}
