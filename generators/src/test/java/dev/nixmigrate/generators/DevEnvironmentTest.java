package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The costs of the places to develop: defaults, replaced entry by entry, and refused when bad. */
class DevEnvironmentTest {
  @Test
  void anEntryReplacesOnlyItsPlace() {
    Map<DevEnvironment, String> costs = DevEnvironment.costs(List.of("devpod = our own k8s"));
    assertEquals("our own k8s", costs.get(DevEnvironment.DEVPOD));
    assertEquals(DevEnvironment.LOCAL.defaultCost(), costs.get(DevEnvironment.LOCAL));
  }

  @Test
  void aBadEntryIsRefusedWithWhatToWrite() {
    for (String bad :
        List.of(
            "cloud",
            "laptop=free",
            "local=a | b",
            "local=`x`",
            "local=<b>x</b>",
            "local=two\nlines",
            "local=",
            "local=" + "x".repeat(201))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DevEnvironment.costs(List.of(bad)));
      assertTrue(
          e.getMessage().contains("local") || e.getMessage().contains("PLACE"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> Options.defaults().withEnvironmentCosts(List.of(bad)),
          "the options refuse it too: " + bad);
    }
  }
}
