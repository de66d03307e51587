<#import "outputs.ftl" as o>
# ${header}
#
# nixmigrate's dev shell<#if builds?has_content>, packages and checks</#if> for a flake that is yours. flake.nix calls this
# file with its inputs and its own outputs:
#
#   outputs = { self, nixpkgs, ... }@inputs: import ./nix/nixmigrate.nix inputs { ... };
#
# Per system, your own devShells, packages and checks win over these where both name the same one,
# and your formatter wins over this one.
inputs: outputs:
let
  inherit (inputs) self nixpkgs;
<#if shell.rustOverlay>
  rust-overlay = inputs.rust-overlay;
</#if>
  ours =
<@o.outputs/>
    };
  merge =
    name:
    builtins.zipAttrsWith (system: sets: builtins.foldl' (a: b: a // b) { } sets) [
      (ours.${r"${name}"} or { })
      (outputs.${r"${name}"} or { })
    ];
  perSystem = builtins.filter (name: ours ? ${r"${name}"}) [
    "devShells"
    "packages"
    "checks"
  ];
in
outputs
// builtins.listToAttrs (
  map (name: {
    inherit name;
    value = merge name;
  }) perSystem
)
// {
  formatter = outputs.formatter or ours.formatter;
}
