# ${header}
name: Nix

on:
  push:
    branches: [main, master]
  pull_request:
  workflow_dispatch:

permissions: {}

concurrency:
  group: ${r"${{ github.workflow }}-${{ github.ref }}"}
  cancel-in-progress: ${r"${{ github.event_name == 'pull_request' }}"}

jobs:
  nix:
    name: ${r"'nix flake check (${{ matrix.os }})'"}
    runs-on: ${r"${{ matrix.os }}"}
    timeout-minutes: 60
    permissions:
      contents: read
    strategy:
      fail-fast: false
      matrix:
        os: [${runners?join(", ")}]
    steps:
      - name: Check out
        uses: ${checkout}
        with:
          persist-credentials: false
      - name: Install Nix
        uses: ${installer}
<#if nixConfig?has_content>
        with:
          ${configInput}: |
<#list nixConfig as line>
            ${line}
</#list>
</#if>
<#if cache.kind == "cachix">
      - name: Use the binary cache (pushes only from the default branch)
        uses: ${cacheAction}
        with:
          name: ${cache.name}
          authToken: ${r"${{ secrets.CACHIX_AUTH_TOKEN }}"}
          skipPush: ${r"${{ !(github.event_name == 'push' && github.ref_name == github.event.repository.default_branch) }}"}
<#elseif cache.kind == "attic">
      # A pull request from a fork gets no secrets: without the token the cache step is skipped,
      # not failed.
      - name: Look for the cache token
        id: attic
        env:
          ATTIC_TOKEN: ${r"${{ secrets.ATTIC_TOKEN }}"}
        run: echo "present=$([ -n "$ATTIC_TOKEN" ] && echo true || echo false)" >> "$GITHUB_OUTPUT"
      - name: Use the binary cache (pushes only from the default branch)
        if: steps.attic.outputs.present == 'true'
        uses: ${cacheAction}
        with:
          endpoint: ${cacheEndpoint}
          cache: ${cache.name}
          token: ${r"${{ secrets.ATTIC_TOKEN }}"}
          skip-push: ${r"${{ !(github.event_name == 'push' && github.ref_name == github.event.repository.default_branch) }}"}
</#if>
      - name: Check the flake
        run: nix flake check -L
<#if hasPackages>
      - name: Build the default package
        run: nix build -L
<#else>
      - name: Build the dev shell
        run: nix develop --command true
</#if>
<#if cache.kind == "s3" && hasPackages>
      - name: Push to the binary cache
        if: github.event_name == 'push' && github.ref_name == github.event.repository.default_branch
        env:
          AWS_ACCESS_KEY_ID: ${r"${{ secrets.AWS_ACCESS_KEY_ID }}"}
          AWS_SECRET_ACCESS_KEY: ${r"${{ secrets.AWS_SECRET_ACCESS_KEY }}"}
          NIX_SIGNING_KEY: ${r"${{ secrets.NIX_SIGNING_KEY }}"}
          CACHE_URI: ${storeUri}
        run: |
          key_file="$RUNNER_TEMP/nix-signing-key"
          printf '%s' "$NIX_SIGNING_KEY" > "$key_file"
          nix store sign --recursive --key-file "$key_file" ./result
          rm -f "$key_file"
          nix copy --to "$CACHE_URI" ./result
</#if>
