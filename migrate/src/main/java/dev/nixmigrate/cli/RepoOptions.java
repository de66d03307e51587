package dev.nixmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The repository folder and the output form, shared by the commands that read a repository. */
final class RepoOptions {
  static final String DIR = "Repository root (default: the current directory).";
  static final String JSON = "Print the result as JSON (schema in the README).";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      converter = ExistingFolder.class,
      description = DIR)
  Path dir;

  /** A folder that exists; anything else is a usage error (exit 2) that says what to give. */
  static final class ExistingFolder implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path p = Path.of(value);
      if (!Files.exists(p)) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' does not exist; give the repository's folder");
      }
      if (!Files.isDirectory(p)) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is a file; give the repository's folder");
      }
      return p;
    }
  }

  @Option(names = "--json", description = JSON)
  boolean json;
}
