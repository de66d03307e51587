package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TreeCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library sample compiles against the real API and runs on an example repository. */
class ReadmeSampleTest {
  @TempDir Path temp;

  @Test
  void theLibrarySampleCompilesAndRuns() throws Exception {
    Path root = ProjectRoot.path();
    String readme = Files.readString(root.resolve("README.md"));
    Matcher m = Pattern.compile("(?s)## As a library\\s+```java\\n(.*?)```").matcher(readme);
    assertTrue(m.find(), "README has a java block under 'As a library'");
    Path repo = temp.resolve("repo");
    TreeCopy.copy(root.resolve("examples/python-uv/repo"), repo);
    String body = m.group(1).replace("Path.of(\".\")", "Path.of(" + quote(repo.toString()) + ")");
    String source =
        "import dev.nixmigrate.core.RepoScanner;\n"
            + "import dev.nixmigrate.core.model.*;\n"
            + "import dev.nixmigrate.generators.Options;\n"
            + "import dev.nixmigrate.migrate.*;\n"
            + "import java.nio.file.Path;\n"
            + "import java.util.List;\n"
            + "public class ReadmeSample {\n  public static void main(String[] args) {\n"
            + body
            + "  }\n}\n";
    Path src = temp.resolve("src/ReadmeSample.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "a JDK is needed to compile the sample");
    Path classes = Files.createDirectories(temp.resolve("classes"));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc =
        javac.run(
            null,
            null,
            errors,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            src.toString());
    assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8) + "\n" + source);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeSampleTest.class.getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader
          .loadClass("ReadmeSample")
          .getMethod("main", String[].class)
          .invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains(". [PYTHON]"), printed);
    assertTrue(printed.contains("+++ b/flake.nix"), printed);
    assertTrue(Files.exists(repo.resolve("flake.nix")), "the sample's step wrote the flake");
    assertTrue(printed.matches("(?s).*\\n[1-9]\\d* files written\\n.*"), printed);
    assertTrue(printed.contains("out of date: 0"), printed);
    assertTrue(printed.matches("(?s).*nix-instantiate flake.nix: (passed|skipped).*"), printed);
    assertTrue(
        Files.readString(repo.resolve(".gitignore")).contains(".direnv"),
        "with editExisting, the user's .gitignore got its lines");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
