# ${header}
# One remote builder per line: URI, systems, SSH key, max jobs, speed factor, supported
# features, mandatory features, host key; '-' keeps a field's default. Copy to /etc/nix/machines.
<#list builders as line>
${line}
</#list>
