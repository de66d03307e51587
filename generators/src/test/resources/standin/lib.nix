# The few nixpkgs.lib functions generated flakes use.
{
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
  optionalString = cond: s: if cond then s else "";
  optionals = cond: l: if cond then l else [ ];
  makeLibraryPath = ps: builtins.concatStringsSep ":" (map (p: "${p}/lib") ps);
  getExe = p: "${p}/bin/${p.name}";
}
