package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A forge that cannot be reached is reported with the cause, and every wait before a retry is said
 * as it happens, never with the token.
 */
class ForgeHttpTest {
  @Test
  void anUnreachableForgeIsReportedWithItsCauseAndEachRetryIsSaid() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // The port is closed now: every connection is refused.
    List<String> said = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    ForgeHttp http =
        new ForgeHttp(
            "GitHub",
            Map.of(),
            new Secret("canary-token-123"),
            new ForgeHttp.Policy(
                3,
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                Duration.ofMinutes(2)),
            waits::add,
            Clock.systemUTC(),
            new Random(1),
            said::add);
    ForgeException e =
        assertThrows(
            ForgeException.class,
            () -> http.send("GET", URI.create("http://127.0.0.1:" + port + "/repos/o/r"), null));
    assertTrue(e.getMessage().contains("failed 3 times"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot reach 127.0.0.1: ConnectException"), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
    assertEquals(2, said.size(), said.toString());
    assertTrue(
        said.get(0).startsWith("GitHub: GET /repos/o/r: cannot reach 127.0.0.1"), said.get(0));
    assertTrue(said.get(0).endsWith("(attempt 2 of 3)"), said.get(0));
    assertEquals(2, waits.size());
    assertTrue(said.stream().noneMatch(l -> l.contains("canary-token-123")));
  }
}
