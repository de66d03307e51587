{
  description = "nixmigrate: walks a Python, Rust or C/C++ repository onto Nix, one step at a time";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      # x86_64-darwin is left out: nixpkgs-unstable drops it after 26.05.
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "aarch64-darwin"
      ];
      forEachSystem = f: nixpkgs.lib.genAttrs systems (system: f (import nixpkgs { inherit system; }));
    in
    {
      packages = forEachSystem (pkgs: {
        default = pkgs.callPackage ./nix/package.nix { };
      });

      apps = forEachSystem (pkgs: {
        default = {
          type = "app";
          program = pkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.default;
          meta.description = "nixmigrate's command line";
        };
      });

      # What working on nixmigrate needs: the JDK and Maven, and the real tools the tests run.
      devShells = forEachSystem (pkgs: {
        default = pkgs.mkShell {
          packages = [
            pkgs.jdk17
            pkgs.maven
            pkgs.git
            pkgs.nix
            pkgs.shellcheck
            pkgs.just
            pkgs.nodejs
            pkgs.python3
            pkgs.meson
            pkgs.ninja
            pkgs.ccache
            pkgs.zsh
          ];
        };
      });

      formatter = forEachSystem (pkgs: pkgs.nixfmt-tree);
    };
}
