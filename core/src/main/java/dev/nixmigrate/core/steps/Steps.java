package dev.nixmigrate.core.steps;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration steps, in order: the one list that the step range, {@code status}, {@code steps}
 * and the messages are derived from.
 */
public record Steps(List<MigrationStep> all) {
  /** nixmigrate's five steps. */
  public static final Steps STANDARD = new Steps(StandardSteps.ALL);

  public Steps {
    all = List.copyOf(all);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).number() != i + 1) {
        throw new IllegalArgumentException(
            "step " + all.get(i).number() + " is declared in place " + (i + 1));
      }
    }
  }

  /** These steps and {@code next} after them. */
  public Steps with(MigrationStep next) {
    List<MigrationStep> more = new ArrayList<>(all);
    more.add(next);
    return new Steps(more);
  }

  public int size() {
    return all.size();
  }

  /** The steps' numbers, as a user reads them: "1 to 5". */
  public String range() {
    return "1 to " + all.size();
  }

  /** Whether {@code n} is one of the steps. */
  public boolean has(int n) {
    return n >= 1 && n <= all.size();
  }

  /** Step {@code n}; a number that is not a step is bad input naming the range. */
  public MigrationStep get(int n) {
    if (!has(n)) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, "step must be " + range() + ", not " + n);
    }
    return all.get(n - 1);
  }

  /** How far the scanned repository is through each step. */
  public List<StepStatus> assess(RepoFacts facts) {
    List<StepStatus> out = new ArrayList<>();
    for (MigrationStep s : all) {
      StepCheck.Verdict v = s.check().judge(facts);
      out.add(
          new StepStatus(s.number(), s.name(), v.state(), v.evidence(), v.missing(), v.absent()));
    }
    return out;
  }

  /** The highest step N such that steps 1..N are all done; 0 when step 1 is not. */
  public static int currentStep(List<StepStatus> steps) {
    int n = 0;
    for (StepStatus st : steps) {
      if (st.state() != StepStatus.State.DONE) {
        break;
      }
      n = st.number();
    }
    return n;
  }
}
