package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates can come from a repository, so each of FreeMarker's ways into Java is tried from one:
 * every attempt must fail as bad input, and none may leave its mark on the file system.
 */
class TemplateSandboxTest {
  @TempDir Path dir;

  private String render(String template) throws IOException {
    Path tpl = dir.resolve("tpl");
    Files.createDirectories(tpl.resolve("t"));
    Files.writeString(tpl.resolve("t/x.ftl"), template);
    Path marker = dir.resolve("MARKER");
    Map<String, Object> model =
        Map.of(
            "options",
            Options.defaults(),
            "file",
            new File(marker.toString()),
            "marker",
            marker.toString(),
            "text",
            "x");
    return new TemplateEngine(tpl).render("t/x.ftl", model);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // ?new on the classes FreeMarker ships for running commands and building objects
        "<#assign e = 'freemarker.template.utility.Execute'?new()>${e('touch ' + marker)}",
        "<#assign c = 'freemarker.template.utility.ObjectConstructor'?new()>"
            + "${c('java.io.File', marker).createNewFile()?c}",
        "<#assign j = 'freemarker.template.utility.JythonRuntime'?new()>",
        // the same, reached through ?eval and ?interpret
        "${r\"'freemarker.template.utility.Execute'?new()\"?eval('touch ' + marker)}",
        "<@r\"<#assign e='freemarker.template.utility.Execute'?new()>${e('touch '+marker)}\""
            + "?interpret />",
        // ?api on any value
        "${options?api.getClass().getName()}",
        "${text?api.getClass().getName()}",
        // reflection from a model object
        "${options.getClass().getName()}",
        "${options.class.protectionDomain.codeSource.location}",
        "${options.getClass().forName('java.lang.Runtime').getRuntime().exec('touch ' + marker)}",
        // a Java object that is not nixmigrate's own: none of its methods are reachable
        "${file.createNewFile()?c}",
        "${file.delete()?c}",
        "${file.absolutePath}",
        // static models are not in the model, and statics of model types are not exposed
        "${statics['java.lang.System'].getenv('HOME')}",
        "${options.defaults().nixInstaller()}",
      })
  void noWayIntoJava(String template) throws IOException {
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> render(template));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("x.ftl"), "names the template: " + e.getMessage());
    assertFalse(Files.exists(dir.resolve("MARKER")), "the template ran something: " + template);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../../../../etc/hostname", "../../../../etc/hostname", "/etc/hostname"})
  void includesStayInTheTemplateFolders(String path) throws IOException {
    NixMigrateException e =
        assertThrows(NixMigrateException.class, () -> render("<#include '" + path + "'>"));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind(), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aLinkOutOfTheTemplateFolderIsNotFollowed() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOKEN-123");
    Files.createDirectories(dir.resolve("tpl/t"));
    Files.createSymbolicLink(dir.resolve("tpl/t/leak.ftl"), secret);
    NixMigrateException e =
        assertThrows(NixMigrateException.class, () -> render("<#include 'leak.ftl'>"));
    assertFalse(e.getMessage().contains("TOKEN-123"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void theModelsOwnAccessorsStillWork() throws IOException {
    assertEquals(
        "cachix x86_64-linux", render("${options.nixInstaller()} ${options.systems()[0]}"));
  }
}
