# ${header}
# GitLab runs these jobs through the include in .gitlab-ci.yml. Each job runs the commands of the
# justfile's recipes. Caches are read by every pipeline and written only by the default branch's
# (the rules set CACHE_POLICY).
<#list jobs as job>

${job.id}:
  image: ${job.image}
  timeout: ${job.timeoutMinutes} minutes
  interruptible: true
<#if job.hasMatrix()>
  parallel:
    matrix:
<#list job.matrix as line>
      ${line}
</#list>
</#if>
<#if job.hasCaches()>
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
      variables:
        CACHE_POLICY: pull-push
    - when: on_success
</#if>
<#if job.hasVariables() || job.hasCaches()>
  variables:
<#if job.hasCaches()>
    CACHE_POLICY: pull
</#if>
<#list job.variables as kv>
    ${kv.key}: ${kv.value}
</#list>
</#if>
<#if job.hasCaches()>
  cache:
<#list job.caches as cache>
<#if cache.hasFiles()>
    - key:
        files: [${cache.files?join(", ")}]
        prefix: ${cache.key}
<#else>
    - key: ${cache.key}
</#if>
      paths:
<#list cache.paths as path>
        - ${path}
</#list>
      policy: $CACHE_POLICY
</#list>
</#if>
  script:
<#list job.script as line>
    - ${line}
</#list>
<#if job.hasArtifacts()>
  artifacts:
    paths:
<#list job.artifacts as path>
      - ${path}
</#list>
</#if>
</#list>
