# A stand-in for rust-overlay in nixmigrate's tests: the toolchain file must exist and name a channel.
{
  outputs = { self }: {
    overlays.default = final: prev: {
      rust-bin.fromRustupToolchainFile = file:
        assert builtins.pathExists file;
        assert builtins.match "(.|\n)*channel(.|\n)*" (builtins.readFile file) != null;
        prev.stdenv // { type = "derivation"; name = "rust-toolchain"; };
    };
  };
}
