package dev.nixmigrate.generators;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Nix's parser and evaluator, run for real against the stand-in nixpkgs. */
final class NixTool {
  private final Path standIn;

  NixTool(Path scratch) throws IOException {
    Tools.require("nix");
    Tools.require("nix-instantiate");
    this.standIn = scratch.resolve("stand-in");
    if (!Files.exists(standIn.resolve("nixpkgs/flake.nix"))) {
      StandInNixpkgs.write(standIn);
    }
  }

  Processes.Result parse(Path file) throws IOException, InterruptedException {
    return Processes.run(null, "nix-instantiate", "--parse", file.toString());
  }

  /**
   * {@code nix eval --json} of {@code attr} of the flake in {@code dir}, inputs replaced by
   * stand-ins.
   */
  Processes.Result eval(Path dir, String attr) throws IOException, InterruptedException {
    return eval(dir, attr, List.of());
  }

  /** {@code nix eval --json --apply FN} of {@code attr}. */
  Processes.Result evalApply(Path dir, String attr, String fn)
      throws IOException, InterruptedException {
    return eval(dir, attr, List.of("--apply", fn));
  }

  private Processes.Result eval(Path dir, String attr, List<String> extra)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "nix",
                "--extra-experimental-features",
                "nix-command flakes",
                "eval",
                "--json",
                "--no-write-lock-file",
                "--override-input",
                "nixpkgs",
                "path:" + standIn.resolve("nixpkgs")));
    if (Files.readString(dir.resolve("flake.nix")).contains("rust-overlay")) {
      cmd.addAll(
          List.of("--override-input", "rust-overlay", "path:" + standIn.resolve("rust-overlay")));
    }
    cmd.addAll(extra);
    cmd.add("path:" + dir + "#" + attr);
    return Processes.run(null, cmd, null, 300);
  }
}
