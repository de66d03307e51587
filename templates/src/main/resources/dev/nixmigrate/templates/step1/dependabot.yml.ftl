# ${header}
# Each week Dependabot proposes one pull request per ecosystem and folder for what this
# repository pins:
<#list covers as c>
#   - ${c}
</#list>
version: 2
updates:
<#list updates as u>
  - package-ecosystem: ${u.ecosystem}
    directory: ${u.directory}
    schedule:
      interval: weekly
    groups:
      ${u.ecosystem}:
        patterns:
          - "*"
</#list>
