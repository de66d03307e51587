# nixmigrate built from this repository with nixpkgs' Maven builder, run by bin/nixmigrate on a
# headless JRE. The flake at the root calls it: nix build, nix run . -- status.
{
  lib,
  maven,
  jdk17_headless,
  makeWrapper,
  installShellFiles,
}:

maven.buildMavenPackage {
  pname = "nixmigrate";
  version = "0.1.0";

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../pom.xml
      ../core
      ../templates
      ../generators
      ../migrate
      ../docs/schema
      ../bin/nixmigrate
      ../LICENSE
    ];
  };

  # The hash of the Maven dependencies the build downloads. scripts/update-mvn-hash computes it
  # (it needs Nix and the network); run it after changing a dependency or a plugin in a pom.xml.
  mvnHash = lib.fakeHash;

  mvnJdk = jdk17_headless;
  # The jar only. The tests need git history, real tools and ../shared, and run in .ci/run.
  doCheck = false;

  nativeBuildInputs = [
    makeWrapper
    installShellFiles
  ];

  installPhase = ''
    runHook preInstall
    install -Dm644 migrate/target/nixmigrate.jar $out/share/nixmigrate/nixmigrate.jar
    install -Dm755 bin/nixmigrate $out/bin/nixmigrate
    wrapProgram $out/bin/nixmigrate \
      --set NIXMIGRATE_JAVA ${lib.getExe' jdk17_headless "java"} \
      --set-default NIXMIGRATE_NO_COMPLETION 1
    installShellCompletion --cmd nixmigrate \
      --bash <($out/bin/nixmigrate completion) \
      --zsh <($out/bin/nixmigrate completion --shell zsh)
    runHook postInstall
  '';

  meta = {
    description = "Walks a Python, Rust or C/C++ repository onto Nix, one step at a time";
    homepage = "https://github.com/nixmigrate/nixmigrate";
    license = lib.licenses.asl20;
    mainProgram = "nixmigrate";
    platforms = lib.platforms.unix;
  };
}
