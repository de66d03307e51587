<#-- The jobs' Nix settings, one line each under NIX_CONFIG. -->
<#macro nixConfigLines>
<#list nixConfig as line>
      ${line}
</#list>
</#macro>
# ${header}
# GitLab runs these jobs through the include in .gitlab-ci.yml, in the nixos/nix image with
# flakes turned on.
<#if cache.kind != "none">
# The push job runs only in the default branch's pipelines and reads ${cacheSecret} from CI/CD
# variables (Settings > CI/CD > Variables), which no file can create: add them there, masked and
# protected, so that only protected branches' pipelines see them.
</#if>
<#if flakeUpdate>
# nix-flake-update keeps flake.lock current: it runs only in a scheduled pipeline whose variables
# set NIXMIGRATE_FLAKE_UPDATE to "true" (Build > Pipeline schedules; weekly is enough), runs
# `nix flake update`, and pushes any change to the branch ${updateBranch}, where GitLab's
# push options open (or update) a merge request into the default branch. Pushing needs a token
# with the write_repository scope: a project access token (role Developer; on GitLab.com a
# Premium feature), or a group or personal access token, in the CI/CD variable
# NIXMIGRATE_FLAKE_UPDATE_TOKEN, masked and protected.
</#if>

nix-flake-check:
  image: ${image}
  timeout: 60 minutes
  interruptible: true
  variables:
    NIX_CONFIG: |
<@nixConfigLines/>
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
<@nixConfigLines/>
  script:
<#list pushScript as line>
    - ${line}
</#list>
</#if>
<#if flakeUpdate>

nix-flake-update:
  image: ${image}
  timeout: 30 minutes
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule" && $NIXMIGRATE_FLAKE_UPDATE == "true"
  variables:
    NIX_CONFIG: |
<@nixConfigLines/>
  script:
<#list updateScript as line>
    - ${line}
</#list>
</#if>
