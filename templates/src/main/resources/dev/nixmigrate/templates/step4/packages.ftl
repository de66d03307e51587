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
<#-- validatePythonMatches: a package whose interpreter is not the one of the shared `ps` binds its own. -->
<#if build.pythonSet() != pythonSet>
${indent}${build.attr} =
${indent}  let
${indent}    ps = pkgs.${build.pythonSet()};
${indent}  in
${indent}  ${build.builder} {
<#local i = indent + "  ">
<#else>
${indent}${build.attr} = ${build.builder} {
<#local i = indent>
</#if>
${i}  pname = ${build.pname};
${i}  version = ${build.version};
${i}  pyproject = true;
${i}  src = ${build.src};
<#if build.hasLockFile()>
<#if build.fetchGit>
${i}  cargoDeps = pkgs.rustPlatform.importCargoLock {
${i}    lockFile = ${build.lockFile};
${i}    allowBuiltinFetchGit = true;
${i}  };
<#else>
${i}  cargoDeps = pkgs.rustPlatform.importCargoLock { lockFile = ${build.lockFile}; };
</#if>
</#if>
<#if build.nativeBuildInputs?seq_contains("pkgs.cmake")>
${i}  dontUseCmakeConfigure = true;
</#if>
<@list "build-system" build.buildSystem i + "  "/>
<@parts "dependencies" build.dependencyParts() i + "  "/>
<@list "pythonRelaxDeps" build.relaxDeps i + "  "/>
<@list "nativeBuildInputs" build.nativeBuildInputs i + "  "/>
<@parts "buildInputs" build.buildInputParts() i + "  "/>
<@list "nativeCheckInputs" build.checkInputs i + "  "/>
<#if build.checkInputs?has_content && !build.doCheck>
${i}  doCheck = false;
</#if>
${i}};
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
<@parts "buildInputs" build.buildInputParts() indent + "  "/>
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
<@parts "buildInputs" build.buildInputParts() indent + "  "/>
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
