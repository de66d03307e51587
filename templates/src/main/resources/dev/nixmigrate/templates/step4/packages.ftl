<#-- Layout of one flake package per kind; NixBuildPlanner decides every value. -->
<#macro list name items indent>
<#if items?has_content>
${indent}${name} = [
<#list items as item>
${indent}  ${item}
</#list>
${indent}];
</#if>
</#macro>
<#-- A list made of parts, some only for one platform: [ ... ] ++ lib.optionals isLinux [ ... ]. -->
<#macro parts name parts indent>
<#list parts as part>
<#if part?is_first>${indent}${name} = <#else>${indent}++ </#if><#if !part.everywhere()>pkgs.lib.optionals pkgs.stdenv.hostPlatform.${part.platform} </#if>[
<#list part.items as item>
${indent}  ${item}
</#list>
${indent}]<#if part?is_last>;</#if>
</#list>
</#macro>
<#macro package build indent>
<#list build.notes as note>
${indent}# ${note}
</#list>
<#if build.kind == "python">
${indent}${build.attr} = ${build.builder} {
${indent}  pname = ${build.pname};
${indent}  version = ${build.version};
${indent}  pyproject = true;
${indent}  src = ${build.src};
<#if build.hasLockFile()>
<#if build.fetchGit>
${indent}  cargoDeps = pkgs.rustPlatform.importCargoLock {
${indent}    lockFile = ${build.lockFile};
${indent}    allowBuiltinFetchGit = true;
${indent}  };
<#else>
${indent}  cargoDeps = pkgs.rustPlatform.importCargoLock { lockFile = ${build.lockFile}; };
</#if>
</#if>
<#if build.nativeBuildInputs?seq_contains("pkgs.cmake")>
${indent}  dontUseCmakeConfigure = true;
</#if>
<@list "build-system" build.buildSystem indent + "  "/>
<@parts "dependencies" build.dependencyParts() indent + "  "/>
<@list "nativeBuildInputs" build.nativeBuildInputs indent + "  "/>
<@list "buildInputs" build.buildInputs indent + "  "/>
<@list "nativeCheckInputs" build.checkInputs indent + "  "/>
<#if build.checkInputs?has_content && !build.doCheck>
${indent}  doCheck = false;
</#if>
${indent}};
<#elseif build.kind == "rust">
${indent}${build.attr} = ${build.builder} {
${indent}  pname = ${build.pname};
${indent}  version = ${build.version};
${indent}  src = ${build.src};
<#if build.fetchGit>
${indent}  cargoLock = {
${indent}    lockFile = ${build.lockFile};
${indent}    allowBuiltinFetchGit = true;
${indent}  };
<#else>
${indent}  cargoLock.lockFile = ${build.lockFile};
</#if>
<@list "nativeBuildInputs" build.nativeBuildInputs indent + "  "/>
<@list "buildInputs" build.buildInputs indent + "  "/>
<#list build.env as var>
${indent}  env.${var.name} = ${var.value};
</#list>
${indent}};
<#else>
${indent}${build.attr} = ${build.builder} {
${indent}  pname = ${build.pname};
${indent}  version = ${build.version};
${indent}  src = ${build.src};
<@list "nativeBuildInputs" build.nativeBuildInputs indent + "  "/>
<@list "buildInputs" build.buildInputs indent + "  "/>
<@list "cmakeFlags" build.cmakeFlags indent + "  "/>
<@list "makeFlags" build.makeFlags indent + "  "/>
<#if build.hasCheckTarget()>
${indent}  checkTarget = ${build.checkTarget};
</#if>
<#list build.phases as phase>
${indent}  ${phase.name} = ''
<#list phase.lines as line>
${indent}    ${line}
</#list>
${indent}  '';
</#list>
${indent}  doCheck = ${build.doCheck?c};
${indent}};
</#if>
</#macro>
