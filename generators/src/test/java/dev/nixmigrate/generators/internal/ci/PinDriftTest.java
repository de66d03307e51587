package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinDriftTest {
  @TempDir Path dir;

  @Test
  void olderTagsAndCommentedCommitsAreFlaggedAndTheRestIsNot() {
    ActionPins.Pin checkout = ActionPins.pin("actions/checkout").orElseThrow();
    ActionPins.Pin python = ActionPins.pin("actions/setup-python").orElseThrow();
    TestRepo.in(dir)
        .file(
            ".github/workflows/ci.yml",
            "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - uses: actions/checkout@v4\n"
                + "      - uses: actions/setup-python@0123456789abcdef0123456789abcdef01234567 # v5.1.0\n"
                + "      - uses: actions/checkout@"
                + checkout.sha()
                + " # "
                + checkout.tag()
                + "\n"
                + "      - uses: actions/setup-python@"
                + python.tag()
                + "\n"
                + "      - uses: actions/checkout@89abcdef0123456789abcdef0123456789abcdef\n"
                + "      - uses: someone/unknown-action@v1\n"
                + "      - uses: ./local-action\n");
    List<Diagnostic> found = PinDrift.of(dir);
    assertEquals(2, found.size(), found.toString());
    assertEquals(6, found.get(0).line());
    assertTrue(
        found
            .get(0)
            .message()
            .startsWith("actions/checkout is used at v4, older than " + checkout.tag()),
        found.toString());
    assertTrue(found.get(0).message().contains(checkout.sha()), found.toString());
    assertEquals(7, found.get(1).line());
    assertTrue(found.get(1).message().contains("used at v5.1.0"), found.toString());
  }

  @Test
  void releasesCompareByThePartsBothGive() {
    assertTrue(PinDrift.compare("v4", "v7.0.1") < 0);
    assertEquals(0, PinDrift.compare("v7", "v7.0.1"));
    assertTrue(PinDrift.compare("v7.1", "v7.0.1") > 0);
    assertTrue(PinDrift.compare("6.9.9", "v7.0.0") < 0);
    assertTrue(PinDrift.compare("v99999999999999999999999", "v7") > 0);
  }

  @Test
  void movesNameEachActionWhosePinChangedByTheReleaseEachSideNames() {
    String steps = "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n";
    String before =
        steps
            + "      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567 # v3.0.0\n"
            + "      - uses: actions/setup-python@v4\n"
            + "      - uses: actions/cache@v4\n"
            + "      - uses: evil/x@v1 # v1 [click](http://e.invalid)\n"
            + "      - uses: odd/y@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
    String after =
        steps
            + "      - uses: actions/checkout@89abcdef0123456789abcdef0123456789abcdef # v5.0.0\n"
            + "      - uses: actions/setup-python@v5\n"
            + "      - uses: actions/cache@v4\n"
            + "      - uses: evil/x@v2 # v2`|`<b>\n"
            + "      - uses: odd/y@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n";
    assertEquals(
        List.of(
            "actions/checkout: v3.0.0 → v5.0.0",
            "actions/setup-python: v4 → v5",
            "evil/x: v1 → v2",
            "odd/y: aaaaaaaaaaaa → bbbbbbbbbbbb"),
        PinDrift.moves(before, after, ".github/workflows/ci.yml"));
    // Text that is not YAML names nothing; nor does a new file.
    assertEquals(List.of(), PinDrift.moves("a: [", after, "x.yml"));
    assertEquals(List.of(), PinDrift.moves(null, after, "x.yml"));
  }
}
