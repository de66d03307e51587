# ${header}
#
# Runs nixmigrate's pull-request bot weekly and on demand, through nixmigrate's GitHub Action
# (it downloads a released nixmigrate.jar and checks its SHA-256 and build provenance). It needs a
# GitHub App installed on this repository (contents, pull requests and workflows: read and
# write), with the variable and the secret below (`nixmigrate pr --help` and nixmigrate's README
# say more).
#   vars.NIXMIGRATE_APP_CLIENT_ID      the App's client ID
#   secrets.NIXMIGRATE_APP_PRIVATE_KEY the App's private key
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
      - name: Open or update the pull request
        uses: ${nixmigrate}
        with:
          command: pr
          version: '${version}'
          step: ${r"${{ inputs.step || vars.NIXMIGRATE_STEP || '1' }}"}
          token: ${r"${{ steps.app-token.outputs.token }}"}
