package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Step 5's nix.conf is read by Nix itself; the machines file has Nix's field layout. */
class NixConfTest {
  @TempDir Path temp;

  private String showConfig(Path confDir) throws Exception {
    Path nix = Tools.require("nix");
    ProcessBuilder pb =
        new ProcessBuilder(
                nix.toString(), "--extra-experimental-features", "nix-command", "show-config")
            .redirectErrorStream(true);
    pb.environment().put("NIX_CONF_DIR", confDir.toString());
    pb.environment().put("NIX_USER_CONF_FILES", confDir.resolve("none.conf").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot"})
  void nixReadsTheGeneratedConfig(String example) throws Exception {
    GeneratedFile conf = Examples.generate(example, 5).file("nix/nix.conf");
    Files.writeString(temp.resolve("nix.conf"), conf.text());
    String shown = showConfig(temp);
    assertFalse(shown.toLowerCase().contains("unknown setting"), shown);
    Options o = Examples.options(example);
    if (!o.binaryCache().isNone()) {
      assertTrue(shown.contains(o.binaryCache().substituter()), shown);
      assertTrue(shown.contains(o.cachePublicKey()), shown);
    }
    assertTrue(
        shown.contains("cache.nixos.org"), "extra- settings keep the default cache: " + shown);
    if (!o.builders().isEmpty()) {
      assertTrue(shown.contains("builders = @/etc/nix/machines"), shown);
      assertTrue(shown.contains("builders-use-substitutes = true"), shown);
    }
  }

  @Test
  void machinesFileHasNixsLayout() {
    GeneratedFile machines = Examples.generate("cpp-cmake", 5).file("nix/machines");
    List<String> lines =
        machines.text().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    assertEquals(2, lines.size());
    for (String line : lines) {
      String[] fields = line.split(" ");
      assertTrue(fields.length >= 2 && fields.length <= 8, line);
      assertTrue(fields[0].startsWith("ssh-ng://") || fields[0].startsWith("ssh://"), line);
      assertTrue(
          List.of(fields[1].split(",")).stream().allMatch(Options.KNOWN_SYSTEMS::contains), line);
    }
  }

  @Test
  void noSettingThatReplacesDefaultsOrGrantsTrust() {
    for (String example : Examples.NAMES) {
      for (GeneratedFile f : Examples.generate(example, 5).files()) {
        if (f.path().endsWith(".md")) {
          continue; // prose that explains why these settings are avoided
        }
        for (String line : f.text().lines().filter(l -> !l.strip().startsWith("#")).toList()) {
          String s = line.strip();
          assertFalse(
              s.startsWith("substituters") || s.startsWith("trusted-public-keys"),
              f.path() + ": " + s);
          assertFalse(
              s.contains("accept-flake-config") || s.startsWith("trusted-users"),
              f.path() + ": " + s);
        }
      }
    }
  }

  @Test
  void badOptionsAreRejectedWithWhatToWrite() {
    Map<String, String> bad =
        Map.of(
            "cachix:Bad_Name",
            "cachix:NAME",
            "attic:nohost",
            "attic:https://",
            "s3:bucket",
            "s3:BUCKET?region=",
            "ftp:x",
            "cachix:NAME, attic:");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      IllegalArgumentException ex =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> BinaryCache.parse(e.getKey()));
      assertTrue(ex.getMessage().contains(e.getValue()), ex.getMessage());
    }
    assertEquals("https://x.cachix.org", BinaryCache.parse("cachix:x").substituter());
    assertEquals(
        "https://b.s3.eu-west-1.amazonaws.com",
        BinaryCache.parse("s3:b1?region=eu-west-1").substituter().replace("b1", "b"));
    assertEquals(
        "s3://b1?region=r&endpoint=minio.local:9000",
        BinaryCache.parse("s3:b1?region=r&endpoint=minio.local:9000").storeUri());
  }
}
