# ${header}
# The pipeline's jobs are in the files it includes. Pipelines run for merge requests and for
# branches without an open merge request, never twice for one push.

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH

include:
<#list includes as path>
  - local: ${path}
</#list>
