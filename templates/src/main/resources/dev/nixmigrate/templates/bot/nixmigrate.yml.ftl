# ${header}
#
# Runs nixmigrate's pull-request bot weekly and on demand. It needs a GitHub App installed on this
# repository (contents, pull requests and workflows: read and write), with the variables and the
# secret below (`nixmigrate pr --help` and nixmigrate's README say more).
#   vars.NIXMIGRATE_APP_CLIENT_ID      the App's client ID
#   secrets.NIXMIGRATE_APP_PRIVATE_KEY the App's private key
#   vars.NIXMIGRATE_JAR_URL            where to download nixmigrate.jar
#   vars.NIXMIGRATE_JAR_SHA256         its SHA-256, checked before it runs
#   vars.NIXMIGRATE_STEP               the step the scheduled run takes (default 1)
name: nixmigrate

on:
  schedule:
    - cron: '17 6 * * 1'
  workflow_dispatch:
    inputs:
      step:
        description: The step the pull request takes
        required: true
        default: '1'
        type: choice
        options: ['1', '2', '3', '4', '5']

permissions: {}

concurrency:
  group: nixmigrate-bot
  cancel-in-progress: false

jobs:
  pull-request:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
    steps:
      # An App token, not the workflow's GITHUB_TOKEN: pull requests it opens run CI, and it can
      # be given the workflows permission that changes under .github/workflows/ need.
      - name: Make a GitHub App token
        id: app-token
        uses: ${createAppToken}
        with:
          client-id: ${r"${{ vars.NIXMIGRATE_APP_CLIENT_ID }}"}
          private-key: ${r"${{ secrets.NIXMIGRATE_APP_PRIVATE_KEY }}"}
          permission-contents: write
          permission-pull-requests: write
          permission-workflows: write
      - uses: ${checkout}
        with:
          fetch-depth: 0
          persist-credentials: false
      - name: Fetch nixmigrate
        env:
          JAR_URL: ${r"${{ vars.NIXMIGRATE_JAR_URL }}"}
          JAR_SHA256: ${r"${{ vars.NIXMIGRATE_JAR_SHA256 }}"}
        run: |
          curl --fail --silent --show-error --location --output "$RUNNER_TEMP/nixmigrate.jar" "$JAR_URL"
          echo "$JAR_SHA256  $RUNNER_TEMP/nixmigrate.jar" | sha256sum --check --strict
      - name: Open or update the pull request
        env:
          NIXMIGRATE_TOKEN: ${r"${{ steps.app-token.outputs.token }}"}
          STEP: ${r"${{ inputs.step || vars.NIXMIGRATE_STEP || '1' }}"}
        run: |
          "$JAVA_HOME_17_X64/bin/java" -jar "$RUNNER_TEMP/nixmigrate.jar" pr --step "$STEP" --token-env NIXMIGRATE_TOKEN
