package io.painguard.bench.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code result.json}. */
public final class ResultJson {

  private static final ObjectMapper JSON = new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultJson() {}

  public static void write(BenchResult result, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "result", ".json.tmp");
      JSON.writeValue(tmp.toFile(), result);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toJson(BenchResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BenchResult read(Path file) {
    try {
      return JSON.readValue(file.toFile(), BenchResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
