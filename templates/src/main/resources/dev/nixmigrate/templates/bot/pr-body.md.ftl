${marker}
<#if refresh>
This pull request refreshes the files of **step ${step.number()} of ${stepCount}: ${step.name()}**, as
`nixmigrate step ${step.number()}` would. ${refreshText}
<#if moves?has_content>

Pinned actions that move:

<#list moves as m>
- ${m}
</#list>
</#if>

<#else>
This pull request takes the repository to **step ${step.number()} of ${stepCount}: ${step.name()}**, as
`nixmigrate step ${step.number()}` would.
<#if (brought?size > 1)>
The base branch has not taken ${earlier} yet, which step ${step.number()} builds on, so this pull
request brings <#if (brought?size > 2)>them<#else>it</#if> too.
</#if>

<#list brought as s>
<#if (brought?size > 1)>
### Step ${s.number()}: ${s.name()}

</#if>
${s.description()}

</#list>
</#if>
## What changes

| file | why |
|---|---|
<#list changes as c>
| `${c.path}` | ${c.reason} |
</#list>
<#if left?has_content>

Left as they are:

<#list left as l>
- ${l}
</#list>
</#if>
<#if warnings?has_content>

What nixmigrate could not do as asked:

<#list warnings as w>
- ${w}
</#list>
</#if>

## Try it

```sh
git fetch origin ${branch} && git switch ${branch}
<#if hasFlake>
nix develop          # or: direnv allow
nix flake check -L
</#if>
<#if hasJustfile>
just test
</#if>
```

<#if !refresh>
## What it costs
<#list brought as s>

<#if (brought?size > 1)>
Step ${s.number()}, ${s.name()}:

</#if>
- Adds: ${s.adds()}
- Costs: ${s.costs()}
- Saves: ${s.saves()}
</#list>
</#if>
<#if workflowToken || touchesWorkflows>

## About the token
</#if>
<#if workflowToken>

This pull request was opened with the workflow's `GITHUB_TOKEN`. Pushes and pull requests made
with it start no workflows, so CI has not run here: close and reopen the pull request to start it,
or run the bot with a GitHub App token (`nixmigrate pr --install-bot` sets that up).
</#if>
<#if touchesWorkflows>

It changes files under `.github/workflows/`: the token that pushes it needs the workflows
permission (a GitHub App with `workflows: write`, or a token with the workflow scope). The
workflow's `GITHUB_TOKEN` cannot have it.
</#if>

nixmigrate keeps this branch up to date while only its own commits are on it. Push to it and it
leaves the branch alone.
