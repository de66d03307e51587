package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Warnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code stdenv.mkDerivation} of a meson or Makefile project. meson builds through nixpkgs'
 * meson and ninja setup hooks; a Makefile through stdenv's generic phases, which run {@code make},
 * {@code make <checkTarget>} and {@code make install} with {@code makeFlags} and nothing else
 * (pkgs/stdenv/generic/setup.sh).
 */
final class NativeBuildPlanner {
  /** Tools this planner adds itself when the build needs them; make comes with stdenv. */
  private static final Set<String> BUILD_TOOLS = Set.of("meson", "ninja", "pkg-config", "gnumake");

  /** Marks the start and end of the build phase, so that installing can tell what it made. */
  private static final String BEFORE = "\"$NIX_BUILD_TOP/.nixmigrate-before-build\"";

  private static final String AFTER = "\"$NIX_BUILD_TOP/.nixmigrate-after-build\"";

  private static final String MADE = "find . -type f -newer " + BEFORE + " ! -newer " + AFTER;

  private static final String LIBRARY =
      "\\( -name '*.a' -o -name '*.so' -o -name '*.so.*' -o -name '*.dylib' \\)";

  /** An installPhase for a build that declares no install: the programs and libraries it made. */
  private static final List<NixBuild.Phase> COPY_WHAT_WAS_BUILT =
      List.of(
          new NixBuild.Phase("preBuild", List.of("touch " + BEFORE)),
          new NixBuild.Phase("postBuild", List.of("touch " + AFTER)),
          new NixBuild.Phase(
              "installPhase",
              List.of(
                      "runHook preInstall",
                      "mkdir -p \"$out\"",
                      MADE + " " + LIBRARY + " \\",
                      "  -exec install -Dm644 -t \"$out/lib\" {} +",
                      MADE + " -perm -u+x ! " + LIBRARY + " \\",
                      "  -exec install -Dm755 -t \"$out/bin\" {} +",
                      "runHook postInstall")
                  .stream()
                  .map(NixExpr::indentedLine)
                  .toList()));

  private final NixpkgsData data;
  private final Warnings warnings;

  NativeBuildPlanner(NixpkgsData data, Warnings warnings) {
    this.data = data;
    this.warnings = warnings;
  }

  /** The package, or none when the build reads files that a {@code src} of its folder omits. */
  Optional<NixBuild> plan(Project p, NativeBuild b, Set<String> attrs, String src) {
    boolean meson = b.system().equals("meson");
    String buildFile = NixBuildPlanner.file(p, meson ? "meson.build" : "Makefile");
    if (b.readsAbove() != null) {
      warnings.add(
          buildFile,
          "names "
              + b.readsAbove()
              + ", above the project's folder, which the Nix package's src would leave out; no"
              + " package is written for "
              + p.path()
              + " (give it the folder it reads as src and cd into "
              + p.path()
              + " in preConfigure)");
      return Optional.empty();
    }
    TreeSet<String> nativeInputs = new TreeSet<>();
    TreeSet<String> buildInputs = new TreeSet<>();
    for (NixPackage n : p.nixPackages()) {
      if (data.isKnownAttribute(n.attribute()) && !BUILD_TOOLS.contains(n.attribute())) {
        (n.input().equals("buildInputs") ? buildInputs : nativeInputs)
            .add(NixExpr.pkg(n.attribute()));
      }
    }
    if (meson) {
      // meson's setup hook builds, tests and installs through ninja's phases; it does not bring
      // ninja along (pkgs/by-name/me/meson/setup-hook.sh, package.nix).
      nativeInputs.add(NixExpr.pkg("meson"));
      nativeInputs.add(NixExpr.pkg("ninja"));
    }
    if (!b.dependencies().isEmpty()) {
      nativeInputs.add(NixExpr.pkg("pkg-config"));
    }
    List<String> notes = new ArrayList<>();
    List<String> makeFlags = new ArrayList<>();
    List<NixBuild.Phase> phases = List.of();
    if (!b.installs()) {
      phases = COPY_WHAT_WAS_BUILT;
      notes.add(
          (meson ? "meson.build declares nothing to install" : "the Makefile has no install target")
              + ": installPhase copies the programs and libraries the build made");
      warnings.add(
          buildFile,
          (meson ? "declares nothing to install" : "has no install target")
              + ", so the Nix package copies the programs and libraries the build makes into"
              + " bin/ and lib/; add install rules and run step 4 again to install more");
    } else if (!meson) {
      // make install writes under the Makefile's own prefix (often /usr/local) unless told.
      for (String v : b.prefixVariables()) {
        makeFlags.add("\"" + v + "=${placeholder \"out\"}\"");
      }
      if (b.prefixVariables().isEmpty()) {
        notes.add("the Makefile uses neither PREFIX nor prefix: check where make install writes");
        warnings.add(
            buildFile,
            "installs without a PREFIX or prefix variable, so the Nix package cannot point make"
                + " install at its output; set makeFlags or installPhase in flake.nix");
      }
    }
    String checkTarget = meson ? null : b.testTarget();
    return Optional.of(
        NixBuild.stdenv(
            b.system(),
            NixBuildPlanner.attr(p.name(), attrs),
            Escape.nixString(p.name()),
            NixBuildPlanner.version(b.version()),
            src,
            List.copyOf(nativeInputs),
            List.copyOf(buildInputs),
            List.of(),
            makeFlags,
            checkTarget == null ? null : Escape.nixString(checkTarget),
            phases,
            notes,
            b.testTarget() != null));
  }
}
