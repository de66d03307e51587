# ${header}
# GitLab runs these jobs through the include in .gitlab-ci.yml, in the nixos/nix image with
# flakes turned on.
<#if cache.kind != "none">
# The push job runs only in the default branch's pipelines and reads ${cacheSecret} from CI/CD
# variables (Settings > CI/CD > Variables), which no file can create: add them there, masked and
# protected, so that only protected branches' pipelines see them.
</#if>

nix-flake-check:
  image: ${image}
  timeout: 60 minutes
  interruptible: true
  variables:
    NIX_CONFIG: |
<#list nixConfig as line>
      ${line}
</#list>
  script:
<#list checkScript as line>
    - ${line}
</#list>
<#if cache.kind != "none">

nix-cache-push:
  image: ${image}
  timeout: 60 minutes
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  needs: [nix-flake-check]
  variables:
    NIX_CONFIG: |
<#list nixConfig as line>
      ${line}
</#list>
  script:
<#list pushScript as line>
    - ${line}
</#list>
</#if>
