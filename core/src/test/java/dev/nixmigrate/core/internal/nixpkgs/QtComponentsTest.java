package dev.nixmigrate.core.internal.nixpkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qt 6: each CMake component a project asks for maps to the qt6 module that provides it, beside
 * qtbase and the wrapper hook; a component the table does not know is a located warning.
 */
class QtComponentsTest {
  @TempDir Path dir;

  @Test
  void eachComponentBringsItsModule() {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.21)\nproject(viewer CXX)\n"
                + "find_package(Qt6 REQUIRED COMPONENTS Widgets Svg Quick LinguistTools Teleport)\n"
                + "find_package(Qt6Charts REQUIRED)\n"
                + "add_executable(viewer main.cpp)\n")
        .file("main.cpp", "int main() { return 0; }\n");
    RepoFacts facts = RepoScanner.scan(dir);
    Map<String, String> inputs =
        facts.projects().get(0).nixPackages().stream()
            .collect(Collectors.toMap(NixPackage::attribute, NixPackage::input, (a, b) -> a));
    for (String module :
        List.of("qt6.qtbase", "qt6.qtsvg", "qt6.qtdeclarative", "qt6.qttools", "qt6.qtcharts")) {
      assertEquals("buildInputs", inputs.get(module), module + " in " + inputs);
    }
    assertEquals("nativeBuildInputs", inputs.get("qt6.wrapQtAppsHook"), inputs.toString());
    assertTrue(
        facts.diagnostics().stream()
            .anyMatch(
                d ->
                    d.file().equals("CMakeLists.txt")
                        && d.line() == 3
                        && d.message().contains("Qt 6 component Teleport")),
        facts.diagnostics().toString());
  }
}
