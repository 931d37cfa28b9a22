package io.painguard.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Decides whether a new schema may follow the existing versions of a subject, using Avro's own
 * reader/writer compatibility rules.
 */
public final class CompatibilityChecker {

  /** An existing version to check against. */
  public record PreviousVersion(int version, Schema schema) {
  }

  private CompatibilityChecker() {
  }

  /**
   * Checks the candidate against the previous versions the level asks for: the newest one, or all
   * of them for transitive levels.
   *
   * @param previous live versions, oldest first
   * @return why the candidate is incompatible; empty when it is compatible
   */
  public static List<String> check(CompatibilityLevel level, Schema candidate,
      List<PreviousVersion> previous) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return List.of();
    }
    List<PreviousVersion> toCheck = level.isTransitive()
        ? previous
        : List.of(previous.get(previous.size() - 1));
    List<String> problems = new ArrayList<>();
    for (PreviousVersion old : toCheck) {
      problems.addAll(checkPair(level, candidate, old));
    }
    return problems;
  }

  /** Checks the candidate against one version in the directions the level asks for. */
  public static List<String> checkPair(CompatibilityLevel level, Schema candidate,
      PreviousVersion old) {
    List<String> problems = new ArrayList<>();
    if (level.checksBackward()) {
      describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
          "the new schema cannot read data written with version " + old.version(), problems);
    }
    if (level.checksForward()) {
      describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
          "version " + old.version() + " cannot read data written with the new schema", problems);
    }
    return problems;
  }

  private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String direction,
      List<String> problems) {
    SchemaCompatibilityResult result = pair.getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      problems.add(direction + ": " + incompatibility.getType() + " at '"
          + incompatibility.getLocation() + "': " + incompatibility.getMessage());
    }
    if (result.getIncompatibilities().isEmpty()) {
      problems.add(direction + ": " + pair.getDescription());
    }
  }
}
