<#import "../step4/packages.ftl" as p>
# ${header}
{
  description = ${shell.description};
<#if nixConfig?has_content>

  # Added on request (the flakeNixConfig option). Nix applies this only to this flake and only after each
  # user accepts it; for a trusted user, accepting (or accept-flake-config) amounts to root.
  # nix/nix.conf is the safer place: prefer it.
  nixConfig = {
<#list nixConfig as setting>
    ${setting.name} = [ ${setting.value} ];
</#list>
  };
</#if>

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
<#if shell.rustOverlay>
    rust-overlay = {
      url = "github:oxalica/rust-overlay";
      inputs.nixpkgs.follows = "nixpkgs";
    };
</#if>
  };

  outputs =
    {
      self,
      nixpkgs,
<#if shell.rustOverlay>
      rust-overlay,
</#if>
    }:
    let
      supportedSystems = [
<#list systems as system>
        ${system}
</#list>
      ];
      forEachSupportedSystem =
        f:
        nixpkgs.lib.genAttrs supportedSystems (
          system:
          f {
<#if shell.rustOverlay>
            pkgs = import nixpkgs {
              inherit system;
              overlays = [ rust-overlay.overlays.default ];
            };
<#else>
            pkgs = import nixpkgs { inherit system; };
</#if>
          }
        );
    in
    {
      devShells = forEachSupportedSystem (
        { pkgs }:
        {
          default = pkgs.mkShell {
            packages = [
<#list shell.packages as package>
              ${package}
</#list>
            ];
<#if shell.env?has_content>

            env = {
<#list shell.env as var>
              ${var.name} = ${var.value};
</#list>
            };
</#if>
<#if shell.shellHook?has_content>

            shellHook = ''
<#list shell.shellHook as line>
              ${line}
</#list>
            '';
</#if>
          };
        }
      );

<#if builds?has_content>

      packages = forEachSupportedSystem (
        { pkgs }:
<#if pythonSet?has_content>
        let
          ps = pkgs.${pythonSet};
        in
</#if>
        rec {
<#list builds as build>
<@p.package build "          "/>

</#list>
          default = ${builds[0].attr};
        }
      );

      # Building a package runs its tests, so the checks are the packages.
      checks = forEachSupportedSystem (
        { pkgs }:
        {
<#list builds as build>
          ${build.attr} = self.packages.${r"${pkgs.stdenv.hostPlatform.system}"}.${build.attr};
</#list>
        }
      );
</#if>
<#list buildNotes as note>
      # ${note}
</#list>

      formatter = forEachSupportedSystem ({ pkgs }: pkgs.nixfmt);
    };
}
