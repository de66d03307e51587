package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The choices that shape generated files; every one has a default. */
final class GenerationOptions {
  @Option(
      names = "--python",
      paramLabel = "VERSION",
      description =
          "CPython version for CI, repeatable (default: what requires-python allows). Example: --python 3.13")
  List<String> python = new ArrayList<>();

  @Option(
      names = "--os",
      paramLabel = "LABEL",
      description =
          "CI runner, repeatable (default: ubuntu-latest and macos-latest). Example: --os ubuntu-24.04")
  List<String> os = new ArrayList<>();

  @Option(
      names = "--system",
      paramLabel = "SYSTEM",
      description =
          "Nix system the flake supports, repeatable (default: x86_64-linux, aarch64-linux, aarch64-darwin). Example: --system x86_64-darwin")
  List<String> systems = new ArrayList<>();

  @Option(
      names = "--compiler-cache",
      paramLabel = "TOOL",
      defaultValue = "ccache",
      description = "Compiler cache for C/C++: ccache or sccache (default: ${DEFAULT-VALUE}).")
  String compilerCache;

  @Option(
      names = "--binary-cache",
      paramLabel = "SPEC",
      defaultValue = "none",
      description =
          "Step 5's binary cache: cachix:NAME, attic:URL/NAME, s3:BUCKET?region=REGION or none. Example: --binary-cache cachix:my-project")
  String binaryCache;

  @Option(
      names = "--cache-public-key",
      paramLabel = "KEY",
      description =
          "The binary cache's public signing key. Example: --cache-public-key my-project.cachix.org-1:AbC...=")
  String cachePublicKey;

  @Option(
      names = "--builder",
      paramLabel = "LINE",
      description =
          "A remote builder as a machines-file line, repeatable. Example: --builder 'ssh-ng://nix@big.example x86_64-linux - 16 2 big-parallel'")
  List<String> builders = new ArrayList<>();

  @Option(
      names = "--nix-installer",
      paramLabel = "ACTION",
      defaultValue = "cachix",
      description =
          "How CI installs Nix: cachix (cachix/install-nix-action) or determinate (default: ${DEFAULT-VALUE}).")
  String nixInstaller;

  @Option(
      names = "--flake-nix-config",
      description =
          "Also name the binary cache in the flake's nixConfig (each user must accept it).")
  boolean flakeNixConfig;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A folder of templates that replace the bundled ones of the same name. Example: --templates nix/templates")
  Path templates;

  /** The options, or a bad-input error that says which value is wrong and what to write. */
  Options toOptions() {
    try {
      Options d = Options.defaults();
      return new Options(
          systems.isEmpty() ? d.systems() : systems,
          os.isEmpty() ? d.osMatrix() : os,
          python,
          compilerCache,
          templates,
          BinaryCache.parse(binaryCache),
          cachePublicKey,
          builders,
          nixInstaller,
          flakeNixConfig);
    } catch (IllegalArgumentException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.getMessage());
    }
  }
}
