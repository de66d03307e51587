# What nixmigrate's own flake (flake.nix, nix/package.nix) uses beyond the generated flakes, with
# the contracts nixpkgs holds it to.
{ final, drv, hasFile }:
let
  inherit (builtins) all attrNames filter functionArgs intersectAttrs isFunction isString;
in
{
  # lib/customisation.nix (callPackageWith): the function's arguments come from the package set
  # and the overrides; one without a default that neither has stops evaluation.
  callPackage = f: overrides:
    let
      fn = if isFunction f then f else import f;
      args = intersectAttrs (functionArgs fn) final // overrides;
      missing = filter (a: !(functionArgs fn).${a} && !(args ? ${a})) (attrNames (functionArgs fn));
    in
    if missing == [ ] then fn args
    else throw "callPackage: function called without required argument ${builtins.head missing}";

  # pkgs/top-level/all-packages.nix: jdk17 = openjdk17, jdk17_headless = openjdk17_headless.
  jdk17 = drv "openjdk-17";
  jdk17_headless = drv "openjdk-17-headless";
  # pkgs/by-name/zs/zsh/package.nix.
  zsh = drv "zsh";
  # pkgs/by-name/in/installShellFiles: a setup hook (installShellCompletion, installManPage).
  installShellFiles = drv "install-shell-files";

  # pkgs/by-name/ma/maven/build-maven-package.nix: pname, version and src are required; the
  # dependencies are a fixed-output derivation hashed by mvnHash and exposed as fetchedMavenDeps;
  # `mvn package` runs in src, so pom.xml must be there; and the builder has no installPhase of
  # its own, so stdenv's (no Makefile: "doing nothing") would install nothing.
  maven = drv "maven" // {
    buildMavenPackage = args:
      assert isString args.pname && isString args.version;
      assert builtins.match "sha256-[A-Za-z0-9+/]{43}=" (args.mvnHash or "") != null
        || throw "buildMavenPackage: mvnHash must be an SRI sha256 hash";
      assert hasFile "buildMavenPackage" args.src [ "pom.xml" ];
      assert isString (args.installPhase or (throw "buildMavenPackage: no installPhase, so nothing is installed"));
      final.stdenv.mkDerivation (removeAttrs args [ "mvnHash" "mvnJdk" "mvnParameters" ])
      // {
        fetchedMavenDeps = drv "${args.pname}-${args.version}-maven-deps";
        meta = args.meta or { };
      };
  };
}
