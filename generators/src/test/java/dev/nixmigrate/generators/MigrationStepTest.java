package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.scan.StepAssessor;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declared steps agree with the generators that exist and with status's step names. */
class MigrationStepTest {
  @Test
  void eachGeneratorDeclaresItsStepsInOrderAndEachStepListsThem() {
    for (Generator g : Generators.all()) {
      int last = 0;
      for (Generator.Part p : g.steps()) {
        assertTrue(p.step() > last && p.step() <= MigrationStep.ALL.size(), g.name() + " " + p);
        assertFalse(p.why().isBlank(), g.name() + " " + p);
        assertEquals(p.why(), MigrationStep.get(p.step()).generators().get(g.name()));
        last = p.step();
      }
    }
    for (MigrationStep s : MigrationStep.ALL) {
      assertFalse(s.generators().isEmpty(), "no generator writes for step " + s.number());
      assertEquals(StepAssessor.NAMES.get(s.number() - 1), s.name());
      assertTrue(s.options().stream().allMatch(o -> o.startsWith("--")), s.options().toString());
    }
    assertEquals("1 to 5", MigrationStep.range());
  }

  @Test
  void aGeneratorRunsOnlyForTheStepsItDeclares() {
    for (int n = 1; n <= MigrationStep.ALL.size(); n++) {
      Set<String> every = Set.of("justfile", ".github/workflows/ci.yml", "flake.nix", ".envrc");
      for (Selection only :
          java.util.List.of(
              new Selection(n, Set.of(n), Set.of(), Set.of()),
              new Selection(n, Set.of(n), every, Set.of()))) {
        for (Generator g : Generators.all()) {
          if (g.runs(only)) {
            assertTrue(
                MigrationStep.get(n).generators().containsKey(g.name()),
                g.name() + " runs in step " + n + " alone but does not declare that step");
          }
        }
      }
    }
  }

  @Test
  void stepTwoAloneUpdatesEveryFileOfNixmigratesThatRendersItsSettings() {
    Selection two =
        new Selection(2, Set.of(2), Set.of("justfile", ".github/workflows/ci.yml"), Set.of());
    for (Generator g : Generators.all()) {
      boolean writesForTwo = g.steps().stream().anyMatch(p -> p.step() == 2);
      boolean managed = g.paths().stream().anyMatch(two::managed);
      if (writesForTwo && managed) {
        assertTrue(g.runs(two), g.name() + " renders step 2's settings but does not run");
      }
    }
    assertTrue(
        Generators.all().stream()
            .filter(g -> g.paths().contains("justfile"))
            .allMatch(g -> g.runs(two)));
  }
}
