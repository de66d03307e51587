package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.migrate.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      description =
          "Compiler cache for C/C++: ccache or sccache (default: nixmigrate.toml's, else ccache).")
  String compilerCache;

  @Option(
      names = "--binary-cache",
      paramLabel = "SPEC",
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
      description =
          "How CI installs Nix: cachix (cachix/install-nix-action) or determinate (default: nixmigrate.toml's, else cachix).")
  String nixInstaller;

  @Option(
      names = "--flake-nix-config",
      negatable = true,
      description =
          "Also name the binary cache in the flake's nixConfig (each user must accept it).")
  Boolean flakeNixConfig;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A folder of templates that replace the bundled ones of the same name. Example: --templates nix/templates")
  Path templates;

  /**
   * The options: each one given on the command line, else the repository's nixmigrate.toml, else
   * the default; a bad value is a bad-input error that says what to write.
   */
  Options toOptions(Optional<Settings> saved) {
    Options base = saved.map(Settings::options).orElse(Options.defaults());
    try {
      return new Options(
          systems.isEmpty() ? base.systems() : systems,
          os.isEmpty() ? base.osMatrix() : os,
          python.isEmpty() ? base.pythonVersions() : python,
          compilerCache != null ? compilerCache : base.cCompilerCache(),
          templates != null ? templates : base.templateDir(),
          binaryCache != null ? BinaryCache.parse(binaryCache) : base.binaryCache(),
          cachePublicKey != null ? cachePublicKey : base.cachePublicKey(),
          builders.isEmpty() ? base.builders() : builders,
          nixInstaller != null ? nixInstaller : base.nixInstaller(),
          flakeNixConfig != null ? flakeNixConfig : base.flakeNixConfig());
    } catch (IllegalArgumentException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.getMessage());
    }
  }
}
