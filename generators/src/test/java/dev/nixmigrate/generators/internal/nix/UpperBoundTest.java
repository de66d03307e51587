package dev.nixmigrate.generators.internal.nix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which version specifiers cap a dependency, and so go through pythonRelaxDeps. */
class UpperBoundTest {
  @Test
  void capsAreTheOperatorsThatBoundFromAbove() {
    for (String capped :
        new String[] {
          "<2", ">=1, <=2", "==1.2.3", "==1.*", "~=0.12", "^1.2", "~1.2", "1.2.3", "===1"
        }) {
      assertTrue(PythonPackagePlanner.hasUpperBound(capped), capped);
    }
    for (String open : new String[] {">=1", ">1,!=1.5", "", " ", "!=2"}) {
      assertFalse(PythonPackagePlanner.hasUpperBound(open), open);
    }
    assertFalse(PythonPackagePlanner.hasUpperBound(null));
  }
}
