<#import "../step4/packages.ftl" as p>
<#--
  The flake's outputs, from "let" to the last attribute (the caller closes the set): one definition
  for flake.nix and for nix/nixmigrate.nix, which hooks the same outputs into a flake of the user's.
-->
<#macro outputs>
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
<@p.parts "packages" shell.packageParts() "            "/>
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
<#if pythonSet?has_content || rustToolchain?has_content>
        let
<#if rustToolchain?has_content>
          rustToolchain = pkgs.rust-bin.fromRustupToolchainFile ${rustToolchain};
          rustPlatform = pkgs.makeRustPlatform {
            cargo = rustToolchain;
            rustc = rustToolchain;
          };
</#if>
<#if pythonSet?has_content>
          ps = pkgs.${pythonSet};
</#if>
        in
</#if>
        {
<#list builds as build>
<@p.package build "          "/>

</#list>
          default = self.packages.${r"${pkgs.stdenv.hostPlatform.system}"}.${builds[0].attr};
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

      formatter = forEachSupportedSystem ({ pkgs }: pkgs.nixfmt-tree);
</#macro>
