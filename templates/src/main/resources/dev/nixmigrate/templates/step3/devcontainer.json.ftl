{
  "name": ${name},
  "image": ${image},
  "features": {
    ${feature}: {
      "multiUser": true,
      "extraNixConfig": ${extraNixConfig}
    }
  },
<#if remoteEnv?has_content>
  "remoteEnv": {
<#list remoteEnv as e>
    ${e.name}: ${e.value}<#sep>,</#sep>
</#list>
  },
</#if>
  "postCreateCommand": ${postCreateCommand}
}
