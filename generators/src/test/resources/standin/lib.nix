# The few nixpkgs.lib functions the flakes under test use.
let
  inherit (builtins) all isPath pathExists substring stringLength toString;
  # lib/fileset: every element must exist, and toSource's root must contain them all.
  under = root: p: substring 0 (stringLength (toString root) + 1) (toString p) == toString root + "/";
in
{
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
  optionalString = cond: s: if cond then s else "";
  optionals = cond: l: if cond then l else [ ];
  makeLibraryPath = ps: builtins.concatStringsSep ":" (map (p: "${p}/lib") ps);
  getExe = p: "${p}/bin/${p.meta.mainProgram or p.name}";
  getExe' = p: name: "${p}/bin/${name}";
  fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  licenses.asl20 = { spdxId = "Apache-2.0"; };
  platforms.unix = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" "x86_64-darwin" ];
  fileset = {
    unions = paths:
      assert all (p: isPath p || throw "lib.fileset.unions: ${toString p} is not a path") paths;
      assert all (p: pathExists p || throw "lib.fileset.unions: ${toString p} does not exist") paths;
      paths;
    toSource = { root, fileset }:
      assert all (p: under root p || throw "lib.fileset.toSource: ${toString p} is not under root ${toString root}") fileset;
      root;
  };
}
