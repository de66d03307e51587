package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.scan.StepAssessor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The declared steps agree with the generators that exist and with status's step names. */
class MigrationStepTest {
  @Test
  void everyGeneratorIsDeclaredByItsOwnStepAndEveryDeclaredNameExists() {
    Set<String> names = Generators.all().stream().map(Generator::name).collect(Collectors.toSet());
    for (Generator g : Generators.all()) {
      assertTrue(
          MigrationStep.get(g.step()).generators().contains(g.name()),
          g.name() + " is not declared by step " + g.step());
    }
    for (MigrationStep s : MigrationStep.ALL) {
      assertTrue(names.containsAll(s.generators()), s.generators() + " vs " + names);
      assertEquals(StepAssessor.NAMES.get(s.number() - 1), s.name());
      assertTrue(s.options().stream().allMatch(o -> o.startsWith("--")), s.options().toString());
    }
  }

  @Test
  void aGeneratorRunsOnlyForTheStepsItsStepDeclares() {
    for (int n = 1; n <= 5; n++) {
      Selection only = new Selection(n, Set.of(n), Set.of(), Set.of());
      for (Generator g : Generators.all()) {
        if (g.runs(only)) {
          assertTrue(
              MigrationStep.get(n).generators().contains(g.name()),
              g.name() + " runs in step " + n + " alone but that step does not declare it");
        }
      }
    }
  }
}
