# ${header}
name: ${workflow.name}

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
<#list workflow.jobs as job>
  ${job.id}:
    name: ${job.name}
    runs-on: ${job.runsOn}
    timeout-minutes: ${job.timeoutMinutes}
    permissions:
      contents: read
<#if job.hasMatrix()>
    strategy:
      fail-fast: false
      matrix:
<#list job.matrix as line>
        ${line}
</#list>
</#if>
<#if job.hasEnv()>
    env:
<#list job.env as kv>
      ${kv.key}: ${kv.value}
</#list>
</#if>
<#if job.hasWorkingDirectory() || job.onWindows()>
    defaults:
      run:
<#if job.onWindows()>
        shell: bash
</#if>
<#if job.hasWorkingDirectory()>
        working-directory: ${job.workingDirectory}
</#if>
</#if>
    steps:
<#list job.steps as step>
      - name: ${step.name}
<#if step.hasCondition()>
        if: ${step.condition}
</#if>
<#if step.isUses()>
        uses: ${step.uses}
<#if step.hasWith()>
        with:
<#list step.with as kv>
          ${kv.key}: ${kv.value?replace("\n", "\n            ")}
</#list>
</#if>
<#else>
        run: |
<#list step.run as line>
          ${line}
</#list>
</#if>
</#list>
<#sep>

</#sep>
</#list>
