<!-- ${header} -->
# Moving ${name} onto Nix

nixmigrate took this repository through five steps. Each can be kept on its own; each costs
something and pays back something.

| step | what it added | what it costs | what it saves |
|---|---|---|---|
<#list steps as s>
| ${s.number()}. ${s.name()} | ${s.adds()} | ${s.costs()} | ${s.saves()} |
</#list>

## Try it

```sh
nix develop          # or: direnv allow
just test
nix flake check -L
nix build -L
```

A flake sees only files that git tracks: `git add flake.nix` (or `git add -N`) before the first
`nix develop`.

## Binary cache

<#if cacheKind == "none">
No binary cache is configured. Choose one with `nixmigrate step 5 --binary-cache cachix:NAME`
(or `attic:URL/NAME`, `s3:BUCKET?region=REGION`).
<#else>
CI pushes to the ${cacheKind} cache `${cacheName}` only from the default branch; pull requests
(including those from forks, which get no secrets) only read from it, so their checks still
pass. The secret CI needs: `${cacheSecret}`.

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
