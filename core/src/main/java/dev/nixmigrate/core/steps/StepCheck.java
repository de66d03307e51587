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
   * A step's state, what is missing for it, in a sentence ({@code ""} when nothing is) and as the
   * kinds of evidence not found, and the evidence shown for it.
   *
   * @param state done, partial or missing
   * @param missing the sentence {@code status} prints; {@code ""} when nothing is missing
   * @param absent the kinds of evidence looked for and not found; empty when {@code missing} is
   * @param evidence what was found
   */
  record Verdict(State state, String missing, List<Evidence.Kind> absent, List<Evidence> evidence) {
    public Verdict {
      absent = List.copyOf(absent);
      evidence = List.copyOf(evidence);
      if (missing.isEmpty() && !absent.isEmpty()) {
        throw new IllegalArgumentException("absent " + absent + " without a sentence saying so");
      }
    }

    /** A verdict whose lack is only said in words, with no kind of evidence to name. */
    public Verdict(State state, String missing, List<Evidence> evidence) {
      this(state, missing, List.of(), evidence);
    }

    /** A verdict showing every piece of the repository's evidence of the given kinds. */
    public static Verdict of(
        State state,
        String missing,
        List<Evidence.Kind> absent,
        RepoFacts facts,
        Evidence.Kind... kinds) {
      List<Evidence> ev = new ArrayList<>();
      for (Evidence.Kind k : kinds) {
        ev.addAll(facts.existing().of(k));
      }
      return new Verdict(state, missing, absent, ev);
    }
  }
}
