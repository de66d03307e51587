package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.Progress;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TreeCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProgressLineTest {
  @TempDir Path temp;

  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong();

  private ProgressLine line() {
    return new ProgressLine(new PrintWriter(text), now::get, false);
  }

  @Test
  void nothingShowsInTheFirstSecondThenOneLineRedrawnAndWiped() {
    ProgressLine p = line();
    p.accept("scanning the repository");
    now.addAndGet(900_000_000L);
    p.draw();
    assertEquals("", text.toString(), "a command faster than a second shows nothing");
    now.addAndGet(200_000_000L);
    p.draw();
    assertEquals("\r\033[Kscanning the repository …", text.toString());
    p.draw();
    assertEquals("\r\033[Kscanning the repository …", text.toString(), "not redrawn unchanged");
    p.accept("verify: actionlint " + "x".repeat(100));
    assertTrue(text.toString().endsWith("x… …"), "cut to the terminal's width: " + text);
    p.close();
    assertTrue(text.toString().endsWith("\r\033[K"), "wiped at the end: " + text);
  }

  @Test
  void theCommandsOwnOutputNeverSharesALineWithIt() {
    ProgressLine p = line();
    StringWriter out = new StringWriter();
    PrintWriter wrapped = p.before(new PrintWriter(out));
    now.addAndGet(2_000_000_000L);
    p.accept("verify: just justfile");
    wrapped.print("passed   just  justfile\n");
    wrapped.flush();
    assertEquals("\r\033[Kverify: just justfile …\r\033[K", text.toString(), "wiped first");
    assertEquals("passed   just  justfile\n", out.toString());
    p.draw();
    assertTrue(text.toString().endsWith("\r\033[K"), "not drawn again without a new report");
  }

  @Test
  void aFileNameCannotSendControlSequencesToTheTerminal() {
    ProgressLine p = line();
    now.addAndGet(2_000_000_000L);
    p.accept("verify: actionlint .github/workflows/x\u001b]0;owned\u0007.yml");
    assertEquals("\r\033[Kverify: actionlint .github/workflows/x?]0;owned?.yml …", text.toString());
  }

  @Test
  void aFastCommandLeavesNoTrace() {
    ProgressLine p = line();
    p.accept("scanning the repository");
    p.close();
    assertEquals("", text.toString());
  }

  @Test
  void theScanAndVerifySayWhatTheyDo() throws Exception {
    Path dir = temp.resolve("repo");
    TreeCopy.copy(ProjectRoot.path().resolve("examples/rust-workspace/repo"), dir);
    List<String> said = new ArrayList<>();
    Progress.reporting(said::add, () -> NixMigrate.scan(dir));
    assertTrue(said.contains("scanning the repository"), said.toString());
    assertTrue(said.stream().anyMatch(s -> s.startsWith("reading manifests in ")), said.toString());
    // Outside reporting(), a report goes nowhere.
    said.clear();
    NixMigrate.scan(dir);
    assertEquals(List.of(), said);
  }

  @Test
  void everySlowCommandTakesQuiet() {
    CommandLine cl = Main.commandLine();
    for (String c : List.of("detect", "status", "plan", "step", "check", "verify", "pr")) {
      assertTrue(
          cl.getSubcommands().get(c).getCommandSpec().findOption("--quiet") != null,
          c + " takes --quiet");
    }
  }
}
