package dev.nixmigrate.core.steps;

import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus.State;
import java.util.ArrayList;
import java.util.List;

/** How {@code status} judges one step from a repository's facts. */
@FunctionalInterface
public interface StepCheck {
  Verdict judge(RepoFacts facts);

  /**
   * A step's state, what is missing for it ({@code ""} when done) and the evidence shown for it.
   */
  record Verdict(State state, String missing, List<Evidence> evidence) {
    public Verdict {
      evidence = List.copyOf(evidence);
    }

    /** A verdict showing every piece of the repository's evidence of the given kinds. */
    public static Verdict of(State state, String missing, RepoFacts facts, Evidence.Kind... kinds) {
      List<Evidence> ev = new ArrayList<>();
      for (Evidence.Kind k : kinds) {
        ev.addAll(facts.existing().of(k));
      }
      return new Verdict(state, missing, ev);
    }
  }
}
