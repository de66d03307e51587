# `import nixpkgs { system; overlays; }` for the stand-in: stub derivations that check their use.
{ system ? "x86_64-linux", overlays ? [ ], config ? { } }:
let
  lib = import ./lib.nix;
  isDrv = p: builtins.isAttrs p && (p.type or null) == "derivation";
  drv = name: {
    type = "derivation";
    inherit name system;
    outPath = "/nix/store/00000000000000000000000000000000-${name}";
    drvPath = "/nix/store/00000000000000000000000000000000-${name}.drv";
  };
  # A package set whose members are the named stubs.
  sub = set: members: builtins.listToAttrs (map (m: { name = m; value = drv "${set}-${m}"; }) members);
  checkPackages = what: ps:
    builtins.all (p: if isDrv p then true else throw "${what}: not a derivation: ${builtins.typeOf p}") ps;
  # The builders run their tool in the root of src, so the manifest must be there: a path literal
  # written from the wrong folder passes pathExists and fails here.
  hasFile = what: src: files:
    builtins.any (f: builtins.pathExists (src + "/${f}")) files
    || throw "${what}: src ${toString src} has none of ${builtins.concatStringsSep ", " files}";
  hasDrv = name: ps: builtins.any (p: isDrv p && p.name == name) ps;
  # The lines of the Makefile GNU make reads in src (GNUmakefile, makefile, Makefile), or null.
  makefileLines = src:
    let found = builtins.filter (f: builtins.pathExists (src + "/${f}")) [ "GNUmakefile" "makefile" "Makefile" ];
    in if found == [ ] then null
      else builtins.filter builtins.isString (builtins.split "\n" (builtins.readFile (src + "/${builtins.head found}")));
  # A rule naming `target` among its targets (recipe lines start with a tab; `:=` assigns).
  hasTarget = lines: target: lines != null
    && builtins.any (l: builtins.match "([^\t#:=]*[ \t])?${target}([ \t][^:=]*)?::?([^=].*)?" l != null) lines;
  setsVar = lines: v: builtins.any (l: builtins.match "((override|export)[ \t]+)?${v}[ \t]*[:?+]?=.*" l != null) lines;
  flagSets = args: v: builtins.any (f: builtins.match "${v}=.*" f != null) ((args.makeFlags or [ ]) ++ (args.installFlags or [ ]));
  chars = s: builtins.genList (i: builtins.substring i 1 s) (builtins.stringLength s);
  toLower = builtins.replaceStrings (chars "ABCDEFGHIJKLMNOPQRSTUVWXYZ") (chars "abcdefghijklmnopqrstuvwxyz");
  # cmake_minimum_required(VERSION X.Y...) of src/CMakeLists.txt as [ X Y ], or null.
  cmakeMinimum = src:
    let
      lines = builtins.filter builtins.isString (builtins.split "\n" (builtins.readFile (src + "/CMakeLists.txt")));
      # CMake's command names are case-insensitive; VERSION is not, but older files write it so too.
      found = builtins.filter (m: m != null) (map (l: builtins.match
        "[ \t]*cmake_minimum_required[ \t]*\\([ \t]*version[ \t]+([0-9]+)[.]?([0-9]*).*" (toLower l)) lines);
    in if found == [ ] then null else builtins.head found;
  below35 = m: m != null && (let major = builtins.fromJSON (builtins.elemAt m 0);
      minor = if builtins.elemAt m 1 == "" then 0 else builtins.fromJSON (builtins.elemAt m 1);
    in major < 3 || (major == 3 && minor < 5));
  checkEnv = env:
    builtins.all (k: if builtins.isString env.${k} then true else throw "env.${k} is not a string") (builtins.attrNames env);
  # PEP 503 names of a pyproject.toml's requirement list; entries with a marker are left out (the
  # hooks evaluate markers against the build platform, which the stand-in does not model).
  pep503 = n: builtins.replaceStrings [ "--" ] [ "-" ] (builtins.replaceStrings [ "_" "." ] [ "-" "-" ] (toLower n));
  unmarked = reqs: map (r: pep503 (builtins.head (builtins.match "[ ]*([A-Za-z0-9][A-Za-z0-9._-]*).*" r)))
    (builtins.filter (r: builtins.match ".*;.*" r == null) reqs);
  pyproject = src: if builtins.pathExists (src + "/pyproject.toml")
    then builtins.fromTOML (builtins.readFile (src + "/pyproject.toml")) else { };
  # A version PEP 440 accepts, in its normal form.
  pep440 = v: builtins.match "([0-9]+!)?[0-9]+([.][0-9]+)*((a|b|rc)[0-9]+)?([.]post[0-9]+)?([.]dev[0-9]+)?([+][a-z0-9]+([.][a-z0-9]+)*)?" v != null;
  # pkgs/build-support/rust/import-cargo-lock.nix: the lock file exists; a crate whose source is
  # git needs outputHashes."name-version", unless allowBuiltinFetchGit fetches it by its commit; a
  # registry other than crates.io needs extraRegistries.
  cargoLockContract = what: args:
    let
      lock = builtins.fromTOML (builtins.readFile args.lockFile);
      sourced = builtins.filter (p: p ? source) (lock.package or [ ]);
      git = builtins.filter (p: builtins.substring 0 4 p.source == "git+") sourced;
      unhashed = builtins.filter (p: !(builtins.hasAttr "${p.name}-${p.version}" (args.outputHashes or { }))) git;
      crates = "registry+https://github.com/rust-lang/crates.io-index";
      index = src: if builtins.substring 0 9 src == "registry+"
        then builtins.substring 9 (builtins.stringLength src) src else src;
      foreign = builtins.filter (p: builtins.substring 0 4 p.source != "git+" && p.source != crates
        && !(builtins.hasAttr (index p.source) (args.extraRegistries or { }))) sourced;
    in
    assert builtins.pathExists args.lockFile;
    assert (args.allowBuiltinFetchGit or false) || unhashed == [ ]
      || throw "${what}: No hash was found while vendoring the git dependency ${(builtins.head unhashed).name}-${(builtins.head unhashed).version}";
    assert foreign == [ ] || throw "${what}: Cannot handle crate source: ${(builtins.head foreign).source}";
    true;
  pythonContracts = args:
    let
      manifest = pyproject args.src;
      names = ps: map (p: p.name) ps;
      buildSystemNames = names (args.build-system or [ ]);
      # dependencies are propagated, so they are installed at build time too.
      has = what: given: name: builtins.elem "python3-${name}" given
        || throw "buildPythonPackage: ${what} ${name} of pyproject.toml is not given";
      # maturin's hook runs `maturin build` itself, not `python -m build`
      # (pkgs/build-support/rust/hooks/maturin-build-hook.sh).
      maturin = hasDrv "maturin-build-hook" (args.nativeBuildInputs or [ ]);
      requires = builtins.filter (n: !(maturin && n == "maturin")) (unmarked (manifest.build-system.requires or [ ]));
      removed = map pep503 (args.pythonRemoveDeps or [ ]);
      # Dynamic dependencies that uv-dynamic-versioning's hatchling metadata hook writes into the
      # wheel's Requires-Dist (its [tool.hatch.metadata.hooks.uv-dynamic-versioning] table).
      declared = manifest.project.dependencies or (
        if builtins.elem "dependencies" (manifest.project.dynamic or [ ])
        then manifest.tool.hatch.metadata.hooks.uv-dynamic-versioning.dependencies or [ ]
        else [ ]);
      runtime = builtins.filter (n: !(builtins.elem n removed)) (unmarked declared);
      # A capped version (<, <=, ==, ~=) is one nixpkgs' package, which moves with the channel, may
      # be past; the stand-in knows no versions, so it takes every cap as one that fails unless
      # pythonRelaxDeps (python-relax-deps-hook.sh) takes the specifier off first.
      capped = builtins.filter (n: !(builtins.elem n removed)) (unmarked (builtins.filter
        (r: builtins.match ".*(<|==|~=).*" r != null && builtins.match ".*[{][{].*" r == null) declared));
      relaxAll = (args.pythonRelaxDeps or false) == true;
      relaxed = if builtins.isList (args.pythonRelaxDeps or null) then map pep503 args.pythonRelaxDeps else [ ];
      # Setup hooks that export the derivation's `version` as the version git would give:
      # pkgs/development/python-modules/setuptools-scm/setup-hook.sh (SETUPTOOLS_SCM_PRETEND_VERSION;
      # hatch-vcs depends on setuptools-scm), uv-dynamic-versioning/setup-hook.sh
      # (UV_DYNAMIC_VERSIONING_BYPASS) and pdm-backend/setup-hook.sh (PDM_BUILD_SCM_VERSION).
      versionHooks = builtins.filter (h: builtins.elem "python3-${h}" buildSystemNames)
        [ "setuptools-scm" "hatch-vcs" "uv-dynamic-versioning" "pdm-backend" ];
      dynamicVersion = builtins.elem "version" (manifest.project.dynamic or [ ]);
      # pkgs/development/interpreters/python/hooks/pytest-check-hook.sh runs pytest in the build's
      # environment: what the test extras and groups ask for must be there, where nixpkgs has it.
      checking = hasDrv "pytest-check-hook" (args.nativeCheckInputs or [ ]) && (args.doCheck or true);
      testSets = [ "test" "tests" "testing" ];
      testReqs = builtins.concatMap (set: (manifest.project.optional-dependencies.${set} or [ ])
        ++ builtins.filter builtins.isString (manifest.dependency-groups.${set} or [ ])) testSets;
      testNeeds = builtins.filter (n: n != "pytest" && pythonPackages ? ${n}) (unmarked testReqs);
    in
    # pkgs/development/interpreters/python/hooks/pypa-build-hook.sh runs `python -m build
    # --no-isolation` without --skip-dependency-check: pypa/build stops on a build requirement
    # that is not installed.
    builtins.all (has "build requirement" (buildSystemNames ++ names (args.dependencies or [ ]))) requires
    # python-runtime-deps-check-hook.py: every Requires-Dist of the wheel whose marker holds must
    # be installed; pythonRemoveDeps (python-relax-deps-hook.sh) takes an entry out first. Only dependencies
    # reach the package's users, so the stand-in looks there alone.
    && builtins.all (has "dependency" (names (args.dependencies or [ ]))) runtime
    && builtins.all (n: relaxAll || builtins.elem n relaxed
      || throw "buildPythonPackage: dependency ${n} of pyproject.toml caps its version, which nixpkgs' may be past; python-runtime-deps-check-hook.py stops the build unless pythonRelaxDeps names it") capped
    && (checking -> builtins.all (has "test requirement"
      (buildSystemNames ++ names (args.dependencies or [ ]) ++ names (args.nativeCheckInputs or [ ]))) testNeeds)
    && (dynamicVersion && versionHooks != [ ] -> pep440 args.version
      || throw "buildPythonPackage: ${builtins.head versionHooks}'s setup hook passes version \"${args.version}\" to the build as the package's version, and it is not a PEP 440 version");
  # Each interpreter's package set. Its members carry the interpreter they were built for, as
  # toPythonModule sets pythonModule (pkgs/development/interpreters/python/python-packages-base.nix).
  pythonPackagesFor = version:
    let
      interpreter = "python-${version}";
      module = name: drv name // { pythonModule = interpreter; };
      # validatePythonMatches (pkgs/development/interpreters/python/mk-python-derivation.nix) runs
      # over buildInputs and propagatedBuildInputs (where dependencies go): a Python module built
      # for another interpreter is "Python version mismatch". build-system goes to
      # nativeBuildInputs, which it does not check.
      matches = name: what: ps: builtins.all (p: !(p ? pythonModule) || p.pythonModule == interpreter
        || throw "buildPythonPackage: Python version mismatch in ${name}: ${what} has ${p.name}, built for ${p.pythonModule}, and ${name} uses ${interpreter}") ps;
    in
    import ./python-packages.nix module // {
      # A hook, not a library: python3Packages-special.tsv shows pytest7CheckHook derives from it.
      pytestCheckHook = drv "pytest-check-hook";
      buildPythonPackage = args:
        assert builtins.isString args.pname && builtins.isString args.version;
        assert args.pyproject or false;
        assert checkPackages "build-system" (args.build-system or [ ]);
        assert checkPackages "dependencies" (args.dependencies or [ ]);
        assert checkPackages "nativeBuildInputs" (args.nativeBuildInputs or [ ]);
        assert checkPackages "buildInputs" (args.buildInputs or [ ]);
        assert checkPackages "nativeCheckInputs" (args.nativeCheckInputs or [ ]);
        assert matches args.pname "dependencies" (args.dependencies or [ ]);
        assert matches args.pname "buildInputs" (args.buildInputs or [ ]);
        assert builtins.pathExists args.src;
        # pkgs/development/interpreters/python/hooks/pypa-build-hook.sh runs
        # `python -m build --no-isolation` in src, which needs pyproject.toml or setup.py there.
        assert hasFile "buildPythonPackage" args.src [ "pyproject.toml" "setup.py" ];
        assert pythonContracts args;
        # Named as the set's members are, so that a package of the flake can be another's dependency.
        module "python3-${pep503 args.pname}";
    };
  pythonPackages = pythonPackagesFor "3.14";
  python = version: drv "python-${version}" // {
    interpreter = "/nix/store/00000000000000000000000000000000-python-${version}/bin/python${version}";
    pkgs = pythonPackagesFor version;
    withPackages = f: let ps = f (pythonPackagesFor version); in
      assert checkPackages "withPackages" ps; drv "python-${version}-env";
  };
  rustPlatformOf = rustc: drv "rustPlatform" // {
    inherit rustc;
    rustLibSrc = drv "rust-lib-src";
    cargoSetupHook = drv "cargo-setup-hook";
    maturinBuildHook = drv "maturin-build-hook";
    importCargoLock = args: assert cargoLockContract "importCargoLock" args; drv "cargo-vendor";
    buildRustPackage = args:
      assert cargoLockContract "buildRustPackage's cargoLock" args.cargoLock;
      # pkgs/build-support/rust/hooks/cargo-build-hook.sh runs cargo in src.
      assert hasFile "buildRustPackage" args.src [ "Cargo.toml" ];
      assert checkPackages "nativeBuildInputs" (args.nativeBuildInputs or [ ]);
      assert checkPackages "buildInputs" (args.buildInputs or [ ]);
      drv args.pname;
    bindgenHook = drv "bindgen-hook";
  };
  # pkgs/stdenv/generic/check-meta.nix: a derivation whose meta.platforms leaves the host out (or
  # that is meta.broken there) fails evaluation as soon as something uses it.
  linuxOnly = name:
    if builtins.match ".*-linux" system != null then drv name
    else throw "Package ${name} is not available on the requested hostPlatform ${system} (meta.platforms)";
  base = final: (import ./names.nix { inherit drv sub linuxOnly; }) // (import ./own.nix { inherit final drv hasFile; }) // {
    inherit lib;
    # `nix fmt` passes no path since Nix 2.25 (Nix manual, formatter-run.md): nixfmt alone then
    # reads stdin, nixfmt-tree (pkgs/by-name/ni/nixfmt-tree/package.nix) formats the tree.
    nixfmt = drv "nixfmt" // { formatsTree = false; };
    nixfmt-tree = drv "nixfmt-tree" // { formatsTree = true; };
    stdenv = drv "stdenv" // {
      # The compiler wrapper and, in it, the compiler; gcc's "lib" output holds libstdc++
      # (pkgs/development/compilers/gcc/default.nix: outputs include "lib").
      cc = drv "gcc-wrapper" // { cc = drv "gcc" // { lib = drv "gcc-lib"; }; };
      hostPlatform = {
        inherit system;
        isLinux = builtins.match ".*-linux" system != null;
        isDarwin = builtins.match ".*-darwin" system != null;
      };
      isLinux = builtins.match ".*-linux" system != null;
      isDarwin = builtins.match ".*-darwin" system != null;
      mkDerivation = args:
        let
          native = args.nativeBuildInputs or [ ];
          meson = hasDrv "meson" native;
          # Neither hook: stdenv's generic phases run make (pkgs/stdenv/generic/setup.sh).
          generic = !(hasDrv "cmake" native) && !meson;
          lines = makefileLines args.src;
          installsWithMake = generic && !(args ? installPhase) && !(args.dontInstall or false);
        in
        assert checkPackages "nativeBuildInputs" native;
        assert checkPackages "buildInputs" (args.buildInputs or [ ]);
        assert builtins.all builtins.isString (args.cmakeFlags or [ ]);
        assert builtins.all builtins.isString (args.makeFlags or [ ]);
        assert builtins.pathExists args.src;
        # pkgs/by-name/cm/cmake/setup-hook.sh configures with `cmake ..` from build/ in src.
        assert hasDrv "cmake" native -> hasFile "mkDerivation with cmake" args.src [ "CMakeLists.txt" ];
        # nixpkgs' cmake is CMake 4.1 (pkgs/by-name/cm/cmake/package.nix), which stops at a
        # cmake_minimum_required below 3.5 unless CMAKE_POLICY_VERSION_MINIMUM is set.
        assert hasDrv "cmake" native && below35 (cmakeMinimum args.src)
          -> builtins.any (f: builtins.match "-DCMAKE_POLICY_VERSION_MINIMUM=.*" f != null) (args.cmakeFlags or [ ])
          || throw "mkDerivation with cmake: CMakeLists.txt asks for a CMake older than 3.5 and cmakeFlags set no CMAKE_POLICY_VERSION_MINIMUM";
        # pkgs/by-name/me/meson/setup-hook.sh runs `meson setup build` in src.
        assert meson -> hasFile "mkDerivation with meson" args.src [ "meson.build" ];
        # meson's hook takes over ninja's check and install phases and builds with ninja's build
        # phase; meson does not propagate ninja (pkgs/by-name/me/meson/setup-hook.sh, package.nix).
        assert meson -> hasDrv "ninja" native || throw "mkDerivation with meson: ninja is not in nativeBuildInputs";
        # meson's dependency() asks pkg-config first; nixpkgs' pkg-config wrapper hook
        # (pkgs/build-support/pkg-config-wrapper/setup-hook.sh) puts buildInputs on its path.
        assert meson && (args.buildInputs or [ ]) != [ ]
          -> hasDrv "pkg-config" native || throw "mkDerivation with meson: buildInputs without pkg-config";
        # installPhase runs make in src; with no Makefile it does nothing, and no $out fails the
        # build (pkgs/stdenv/generic/setup.sh installPhase).
        assert installsWithMake -> lines != null || throw "mkDerivation: src has no Makefile and no installPhase";
        # installPhase runs `make install` (installTargets) (pkgs/stdenv/generic/setup.sh).
        assert installsWithMake && !(args ? installTargets)
          -> hasTarget lines "install" || throw "mkDerivation: the Makefile has no install target and no installPhase overrides it";
        # installPhase passes only makeFlags and installFlags to make; $prefix reaches a configure
        # script alone, so a Makefile's own PREFIX (often /usr/local) stands unless a flag sets it
        # (pkgs/stdenv/generic/setup.sh configurePhase, installPhase).
        assert installsWithMake
          -> builtins.all (v: setsVar lines v -> flagSets args v || throw "mkDerivation: the Makefile sets ${v} and no makeFlags or installFlags override it") [ "PREFIX" "prefix" ];
        # checkPhase runs `make $checkTarget`, or looks for check and then test itself
        # (pkgs/stdenv/generic/setup.sh checkPhase).
        assert generic && (args.doCheck or false) && args ? checkTarget
          -> hasTarget lines args.checkTarget || throw "mkDerivation: the Makefile has no ${args.checkTarget} target";
        drv (args.pname or args.name);
    };
    mkShell = args:
      assert checkPackages "mkShell packages" (args.packages or [ ]);
      assert checkPackages "mkShell inputsFrom" (args.inputsFrom or [ ]);
      assert checkEnv (args.env or { });
      assert builtins.isString (args.shellHook or "");
      drv "nix-shell" // { passthru = args; };
    rustPlatform = rustPlatformOf (drv "rustc");
    # pkgs/development/compilers/rust/make-rust-platform.nix: rustc and cargo are required
    # arguments (a call without one fails), and the platform's builders use them.
    makeRustPlatform = { rustc, cargo, ... }:
      assert checkPackages "makeRustPlatform" [ rustc cargo ];
      rustPlatformOf rustc;
    python3 = python "3.14";
    python311 = python "3.11";
    python312 = python "3.12";
    python313 = python "3.13";
    python314 = python "3.14";
    python315 = python "3.15";
    python3Packages = pythonPackagesFor "3.14";
    python311Packages = pythonPackagesFor "3.11";
    python312Packages = pythonPackagesFor "3.12";
    python313Packages = pythonPackagesFor "3.13";
    python314Packages = pythonPackagesFor "3.14";
    python315Packages = pythonPackagesFor "3.15";
  };
  pkgs = builtins.foldl' (acc: overlay: acc // overlay pkgs acc) (base pkgs) overlays;
in
pkgs
