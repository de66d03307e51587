package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.core.steps.StepCheck;
import dev.nixmigrate.core.steps.Steps;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declared steps agree with the generators that exist. */
class MigrationStepTest {
  private static final StepCatalog C = StepCatalog.STANDARD;

  @Test
  void eachGeneratorDeclaresItsStepsInOrderAndEachStepListsThem() {
    for (Generator g : C.generators()) {
      int last = 0;
      for (Generator.Part p : g.steps()) {
        assertTrue(p.step() > last && p.step() <= C.steps().size(), g.name() + " " + p);
        assertFalse(p.why().isBlank(), g.name() + " " + p);
        assertEquals(p.why(), C.generatorsOf(p.step()).get(g.name()));
        last = p.step();
      }
    }
    for (MigrationStep s : C.steps().all()) {
      assertFalse(C.generatorsOf(s.number()).isEmpty(), "no generator writes for " + s.number());
      List<String> options = C.options(s.number());
      assertTrue(options.stream().allMatch(o -> o.startsWith("--")), options.toString());
    }
    assertEquals("1 to 5", C.steps().range());
  }

  @Test
  void aStepOutsideTheListIsBadInputNamingTheRange() {
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> Steps.STANDARD.get(6));
    assertEquals("step must be 1 to 5, not 6", e.getMessage());
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind());
  }

  @Test
  void aCatalogRefusesAGeneratorForAStepItDoesNotHave() {
    Generator stray =
        new Generator() {
          @Override
          public String name() {
            return "stray";
          }

          @Override
          public List<Part> steps() {
            return List.of(new Part(6, "a step that is not declared"));
          }

          @Override
          public List<String> paths() {
            return List.of();
          }

          @Override
          public List<GeneratedFile> generate(
              dev.nixmigrate.core.model.RepoFacts facts, Options o, int t, Context c) {
            return List.of();
          }
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new StepCatalog(Steps.STANDARD, List.of(stray)));
    assertTrue(e.getMessage().contains("stray declares step 6"), e.getMessage());
    MigrationStep six =
        new MigrationStep(
            7,
            "Seven",
            "",
            "",
            Set.of(),
            "",
            "",
            "",
            f -> new StepCheck.Verdict(null, "", List.of()));
    assertThrows(IllegalArgumentException.class, () -> Steps.STANDARD.with(six));
  }

  @Test
  void aGeneratorRunsOnlyForTheStepsItDeclares() {
    for (int n = 1; n <= C.steps().size(); n++) {
      Set<String> every = Set.of("justfile", ".github/workflows/ci.yml", "flake.nix", ".envrc");
      for (Selection only :
          List.of(
              new Selection(n, Set.of(n), Set.of(), Set.of()),
              new Selection(n, Set.of(n), every, Set.of()))) {
        for (Generator g : C.generators()) {
          if (g.runs(only)) {
            assertTrue(
                C.generatorsOf(n).containsKey(g.name()),
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
    for (Generator g : C.generators()) {
      boolean writesForTwo = g.steps().stream().anyMatch(p -> p.step() == 2);
      boolean managed = g.paths().stream().anyMatch(two::managed);
      if (writesForTwo && managed) {
        assertTrue(g.runs(two), g.name() + " renders step 2's settings but does not run");
      }
    }
    assertTrue(
        C.generators().stream()
            .filter(g -> g.paths().contains("justfile"))
            .allMatch(g -> g.runs(two)));
  }
}
