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
  checkEnv = env:
    builtins.all (k: if builtins.isString env.${k} then true else throw "env.${k} is not a string") (builtins.attrNames env);
  pythonPackages = import ./python-packages.nix drv // {
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
      assert builtins.pathExists args.src;
      # pkgs/development/interpreters/python/hooks/pypa-build-hook.sh runs
      # `python -m build --no-isolation` in src, which needs pyproject.toml or setup.py there.
      assert hasFile "buildPythonPackage" args.src [ "pyproject.toml" "setup.py" ];
      drv args.pname;
  };
  python = version: drv "python-${version}" // {
    interpreter = "/nix/store/00000000000000000000000000000000-python-${version}/bin/python${version}";
    pkgs = pythonPackages;
    withPackages = f: let ps = f pythonPackages; in
      assert checkPackages "withPackages" ps; drv "python-${version}-env";
  };
  base = final: (import ./names.nix { inherit drv sub; }) // (import ./own.nix { inherit final drv hasFile; }) // {
    inherit lib;
    # `nix fmt` passes no path since Nix 2.25 (Nix manual, formatter-run.md): nixfmt alone then
    # reads stdin, nixfmt-tree (pkgs/by-name/ni/nixfmt-tree/package.nix) formats the tree.
    nixfmt = drv "nixfmt" // { formatsTree = false; };
    nixfmt-tree = drv "nixfmt-tree" // { formatsTree = true; };
    stdenv = drv "stdenv" // {
      hostPlatform = { inherit system; };
      isLinux = builtins.match ".*-linux" system != null;
      isDarwin = builtins.match ".*-darwin" system != null;
      mkDerivation = args: assert checkPackages "nativeBuildInputs" (args.nativeBuildInputs or [ ]);
        assert checkPackages "buildInputs" (args.buildInputs or [ ]);
        assert builtins.all builtins.isString (args.cmakeFlags or [ ]);
        assert builtins.pathExists args.src;
        # pkgs/by-name/cm/cmake/setup-hook.sh configures with `cmake ..` from build/ in src.
        assert hasDrv "cmake" (args.nativeBuildInputs or [ ])
          -> hasFile "mkDerivation with cmake" args.src [ "CMakeLists.txt" ];
        drv (args.pname or args.name);
    };
    mkShell = args:
      assert checkPackages "mkShell packages" (args.packages or [ ]);
      assert checkPackages "mkShell inputsFrom" (args.inputsFrom or [ ]);
      assert checkEnv (args.env or { });
      assert builtins.isString (args.shellHook or "");
      drv "nix-shell" // { passthru = args; };
    rustPlatform = drv "rustPlatform" // {
      rustLibSrc = drv "rust-lib-src";
      cargoSetupHook = drv "cargo-setup-hook";
      maturinBuildHook = drv "maturin-build-hook";
      importCargoLock = args: assert builtins.pathExists args.lockFile; drv "cargo-vendor";
      buildRustPackage = args:
        assert builtins.pathExists args.cargoLock.lockFile;
        # pkgs/build-support/rust/hooks/cargo-build-hook.sh runs cargo in src.
        assert hasFile "buildRustPackage" args.src [ "Cargo.toml" ];
        assert checkPackages "nativeBuildInputs" (args.nativeBuildInputs or [ ]);
        assert checkPackages "buildInputs" (args.buildInputs or [ ]);
        drv args.pname;
      bindgenHook = drv "bindgen-hook";
    };
    python3 = python "3.14";
    python311 = python "3.11";
    python312 = python "3.12";
    python313 = python "3.13";
    python314 = python "3.14";
    python315 = python "3.15";
    python3Packages = pythonPackages;
    python311Packages = pythonPackages;
    python312Packages = pythonPackages;
    python313Packages = pythonPackages;
    python314Packages = pythonPackages;
    python315Packages = pythonPackages;
  };
  pkgs = builtins.foldl' (acc: overlay: acc // overlay pkgs acc) (base pkgs) overlays;
in
pkgs
