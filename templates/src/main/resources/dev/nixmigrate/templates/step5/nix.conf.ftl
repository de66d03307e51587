# ${header}
# Add these lines to /etc/nix/nix.conf (on NixOS: nix.settings), or to ~/.config/nix/nix.conf for
# a user that Nix trusts with substituters. The extra- forms add to Nix's defaults instead of
# replacing cache.nixos.org.
<#if substituter?has_content>
extra-substituters = ${substituter}
<#if publicKey?has_content>
extra-trusted-public-keys = ${publicKey}
<#else>
# extra-trusted-public-keys = (the cache's public key: pass --cache-public-key and run again)
</#if>
<#else>
# No binary cache chosen yet: run nixmigrate step 5 with --binary-cache cachix:NAME,
# attic:URL/NAME or s3:BUCKET?region=REGION.
</#if>
<#if builders>

# Remote builders: the machines are listed in nix/machines; copy it to /etc/nix/machines.
builders = @/etc/nix/machines
# Builders fetch what they need from the caches themselves instead of through this machine.
builders-use-substitutes = true
</#if>
