# ${header}
{
  description = ${shell.description};

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

      formatter = forEachSupportedSystem ({ pkgs }: pkgs.nixfmt);
    };
}
