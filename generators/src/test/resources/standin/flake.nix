# A stand-in for nixpkgs in nixmigrate's tests: see StandInNixpkgs.java.
{
  outputs = { self }: { lib = import ./lib.nix; };
}
