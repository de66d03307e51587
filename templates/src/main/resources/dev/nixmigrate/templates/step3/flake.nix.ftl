<#import "outputs.ftl" as o>
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
<@o.outputs/>
    };
}
