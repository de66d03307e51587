package dev.nixmigrate.generators;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.generators.internal.nix.NixExprs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A nixpkgs stand-in for evaluating generated flakes offline: a flake whose {@code import} yields
 * stub derivations for exactly the attribute names the checked tables hold (top level,
 * python3Packages and the package sets they name). A misspelt or invented attribute fails
 * evaluation with "attribute missing"; the stubs of mkShell and friends force and check what they
 * are given.
 */
final class StandInNixpkgs {
  private StandInNixpkgs() {}

  /**
   * Writes the stand-in nixpkgs to {@code dir/nixpkgs} and rust-overlay to {@code
   * dir/rust-overlay}.
   */
  static void write(Path dir) throws IOException {
    NixpkgsData data = NixpkgsData.bundled();
    Set<String> top = new TreeSet<>(data.knownTopLevelAttributes());
    Map<String, Set<String>> sets = new TreeMap<>();
    for (String attr : data.mappedAttributes()) {
      int dot = attr.indexOf('.');
      if (dot > 0 && !attr.startsWith("python3Packages.")) {
        sets.computeIfAbsent(attr.substring(0, dot), k -> new TreeSet<>())
            .add(attr.substring(dot + 1));
      }
    }
    StringBuilder names =
        new StringBuilder(
            "# Attribute names from nixmigrate's checked nixpkgs tables.\n"
                + "{ drv, sub, linuxOnly }:\n{\n");
    for (String a : top) {
      if (a.contains(".") || isSpecial(a) || sets.containsKey(a)) {
        continue;
      }
      names
          .append("  ")
          .append(NixExprs.attrName(a))
          .append(data.linuxOnly(a) ? " = linuxOnly \"" : " = drv \"")
          .append(a)
          .append("\";\n");
    }
    for (Map.Entry<String, Set<String>> e : sets.entrySet()) {
      if (isSpecial(e.getKey())) {
        continue;
      }
      names
          .append("  ")
          .append(NixExprs.attrName(e.getKey()))
          .append(" = sub \"")
          .append(e.getKey())
          .append("\" [");
      for (String member : e.getValue()) {
        names.append(" \"").append(member).append('"');
      }
      names.append(" ];\n");
    }
    names.append("}\n");
    StringBuilder py =
        new StringBuilder("# python3Packages names from the checked tables.\ndrv:\n{\n");
    for (String p : data.python3PackageNames()) {
      py.append("  ")
          .append(NixExprs.attrName(p))
          .append(" = drv \"python3-")
          .append(p)
          .append("\";\n");
    }
    py.append("}\n");
    Path np = dir.resolve("nixpkgs");
    Files.createDirectories(np);
    write(np.resolve("names.nix"), names.toString());
    write(np.resolve("python-packages.nix"), py.toString());
    copy("standin/flake.nix", np.resolve("flake.nix"));
    copy("standin/lib.nix", np.resolve("lib.nix"));
    copy("standin/own.nix", np.resolve("own.nix"));
    copy("standin/default.nix", np.resolve("default.nix"));
    Path ov = dir.resolve("rust-overlay");
    Files.createDirectories(ov);
    copy("standin/rust-overlay.nix", ov.resolve("flake.nix"));
  }

  /** Attributes the stand-in defines by hand in default.nix. */
  private static boolean isSpecial(String a) {
    return Set.of("mkShell", "stdenv", "lib", "rustPlatform", "python3", "python3Packages")
            .contains(a)
        || a.matches("python3\\d+(Packages)?");
  }

  private static void write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static void copy(String resource, Path to) throws IOException {
    try (var in = StandInNixpkgs.class.getResourceAsStream("/" + resource)) {
      Files.write(to, in.readAllBytes());
    }
  }
}
