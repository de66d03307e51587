<!-- ${header} -->
# Moving ${name} onto Nix

nixmigrate took this repository through ${steps?size} steps. Each can be kept on its own; each
costs something and pays back something. The middle column names the files nixmigrate wrote
here for each step.

| step | what nixmigrate wrote | what it costs | what it saves |
|---|---|---|---|
<#list steps as s>
| ${s.number}. ${s.name} | ${s.adds} | ${s.costs} | ${s.saves} |
</#list>

## Before the first `nix develop`

- **Flakes.** A default Nix install has flakes turned off, and `nix develop` stops with
  "experimental feature 'flakes' is disabled". Add `experimental-features = nix-command flakes`
  to `~/.config/nix/nix.conf` (or `/etc/nix/nix.conf`), or pass
  `--extra-experimental-features 'nix-command flakes'` to each command. The Determinate Systems
  installer turns them on by itself.
- **git.** A flake sees only files that git knows: `git add -N flake.nix` (or commit the new
  files) before the first `nix develop`.
- **`flake.lock`.** The first `nix develop`, `nix build` or `nix flake lock` writes `flake.lock`,
  which pins nixpkgs and the other inputs: commit it, so that everyone and CI get the same
  tools. `nix flake update` moves the pins later. ${lockUpdates}
<#if libraryPath>
- **`LD_LIBRARY_PATH`.** On Linux the dev shell puts the libraries programs load at run time on
  `LD_LIBRARY_PATH` (Nix's libstdc++ and zlib for wheels from PyPI, the window system's libraries
  for crates that draw windows), because nothing else tells the loader where they are. A program
  of your own system run inside the shell then loads them too: one built against an older glibc
  than nixpkgs' can stop with an error that a GLIBC_2.xx version is not found. Run such programs outside the
  shell, or unset the variable for them (`env -u LD_LIBRARY_PATH program`).
</#if>
- **direnv.** `.envrc` runs `use flake`: after `direnv allow`, direnv loads the dev shell each
  time you enter the folder. With nix-direnv installed the shell is cached and kept safe from
  garbage collection.

## Try it

```sh
nix develop          # or: direnv allow
just test
nix flake check -L
nix build -L
```

## Where to develop

| place | how it gets this repository's dev shell | what it costs |
|---|---|---|
<#list environments as e>
| ${e.title} | ${e.how} | ${e.cost} |
</#list>

<#if overridden?has_content>
This repository's own costs (`environment-costs` in `nixmigrate.toml`): ${overridden?join(", ")}.
The other prices are 2026 list prices: check your provider's.
<#else>
Prices are 2026 list prices: check your provider's, and set your own with `environment-costs`
in `nixmigrate.toml`.
</#if>

## Binary cache

<#if cacheKind == "none">
No binary cache is configured. Choose one with `nixmigrate step 5 --binary-cache cachix:NAME`
(or `attic:URL/NAME`, `s3:BUCKET?region=REGION`).
<#else>
CI pushes to the ${cacheKind} cache `${cacheName}` only from the default branch; pull requests
(including those from forks, which get no secrets) only read from it, so their checks still
pass. The secret CI needs: `${cacheSecret}`.
<#if ci == "gitlab">
GitLab reads it from CI/CD variables, which no file can create: add each under Settings > CI/CD >
Variables, **masked** (kept out of job logs) and **protected** (given only to pipelines of
protected branches; the default branch is protected unless you changed it).
</#if>

<#if cacheKind == "s3">
CI uploads with `nix copy --to '${cacheStore}'`, which runs with the job's AWS credentials.
Everyone else reads the bucket over public HTTPS, `${cacheSubstituter}`: the bucket must let
anyone read its objects (a bucket policy that grants `s3:GetObject` to all). That is safe for
what it holds: Nix takes a path from it only with a valid signature from the public key in
`nix/nix.conf`. A private bucket is read through `${cacheStore}` as the substituter instead;
then the Nix daemon, not your shell, fetches from it, with AWS credentials of its own (root's
`~/.aws/credentials`, or a profile named with `&profile=NAME`) on every machine and CI runner
that reads it.

</#if>
Developers and other machines read from it with the lines in `nix/nix.conf`. Use the `extra-`
settings: they add to the defaults. nixmigrate never sets `accept-flake-config` or
`trusted-users`: a flake's `nixConfig` is applied only after the user accepts it, and for a
trusted user accepting it is as good as root.
</#if>

## Remote builders

<#if hasBuilders>
`nix/machines` lists the builders; copy it to `/etc/nix/machines` and add the `builders` lines of
`nix/nix.conf`. Each builder must accept SSH from the machine that builds, and its host key
should be known (the last field of a machines line).
<#else>
No remote builder is configured. Add them with `nixmigrate step 5 --builder
'ssh-ng://nix@builder.example x86_64-linux - 8 1 big-parallel'`; they are written to
`nix/machines`, and `nix/nix.conf` turns on `builders-use-substitutes` so builders fetch from
the caches themselves.
</#if>
