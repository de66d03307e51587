# ${header}
<#if writesCi>
# The recipes run exactly the commands nixmigrate's CI jobs run.
<#else>
# The recipes run the commands a CI job of nixmigrate's would run; this repository's CI is its own.
</#if>
<#if projects?size gt 1>
# `just test` runs every project's tests; `just test ${projects[0].id}` runs one project's.
</#if>

set shell := ["bash", "-euo", "pipefail", "-c"]
<#list exports as kv>
export ${kv.key} := ${kv.value}
</#list>

# List the recipes.
default:
    @just --list
<#list aggregates as agg>

# ${agg.doc}
${agg.signature}
<#list agg.lines as line>
    ${line}
</#list>
</#list>
<#list recipes as recipe>

<#if recipe.doc?has_content>
# ${recipe.doc}
</#if>
${recipe.signature}
<#list recipe.lines as line>
    ${line}
</#list>
</#list>
