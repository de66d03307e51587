package dev.nixmigrate.core.internal.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each field accepts and refuses, value by value. */
class FieldRuleTest {
  private static final String EXPRESSION = "${{ github.event.issue.title }}";

  /** Refused by every rule: an expression, a newline, a command, quotes, nothing, too much. */
  private static final List<String> REFUSED_EVERYWHERE =
      List.of(EXPRESSION, "a\nb", "a; touch x", "a$(id)", "a\"b", "a'b", "", "1".repeat(300));

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            FieldRule.RUST_CHANNEL,
            List.of("stable", "beta", "nightly", "nightly-2024-05-01", "1.80", "1.80.1"),
            List.of("Stable", "nightly-2024", "1", "1.80.1.2", "stable-x86_64-unknown-linux-gnu")),
        Arguments.of(
            FieldRule.RUST_VERSION,
            List.of("1", "1.74", "1.74.1"),
            List.of("1.74 check", "^1.74", "1.74.1.2", "v1.74")),
        Arguments.of(
            FieldRule.RUST_TARGET,
            List.of("rust-src", "wasm32-unknown-unknown", "thumbv7em-none-eabihf", "x86_64.json"),
            List.of("-x", "a b", "a/b")),
        Arguments.of(
            FieldRule.CARGO_PACKAGE_NAME,
            List.of("serde", "serde_json", "tokio-util", "_x"),
            List.of("1x", "a.b", "a b", "a+b")),
        Arguments.of(
            FieldRule.CARGO_BIN_NAME, List.of("cli", "2to3", "my-tool"), List.of("a.b", "-x")),
        Arguments.of(
            FieldRule.CARGO_FEATURE,
            List.of("default", "serde", "v1.2", "c++20", "_x", "1x"),
            List.of("-x", "a:b", "a/b", "a b")),
        Arguments.of(
            FieldRule.CARGO_VERSION,
            List.of("0.1.0", "1.2.3-beta.1", "1.2.3+build.5", "1.2.3-rc.1+x"),
            List.of("1.2", "1.2.3.4", "v1.2.3", "1.2.3-")),
        Arguments.of(FieldRule.CARGO_EDITION, List.of("2015", "2021", "2024"), List.of("21")),
        Arguments.of(
            FieldRule.PYTHON_NAME,
            List.of("requests", "zope.interface", "typing_extensions", "a", "A1"),
            List.of("-a", "a-", "a b", "a/b", ".a")),
        Arguments.of(
            FieldRule.PYTHON_VERSION,
            List.of("1.0", "2.0rc1", "1.0.post1", "1.0.dev3", "1!2.0", "1.0+local.7", "v1.0"),
            List.of("1.0 x", "one", "1..0")),
        Arguments.of(
            FieldRule.PYTHON_SPECIFIER,
            List.of(">=3.9", ">=3.9,<4", ">= 3.8, != 3.9.*", "~=3.10", "==3.12.*", "===3.12"),
            List.of("3.9", ">=3.9;", ">=3.9 <4", ">=3.*", "three")),
        Arguments.of(
            FieldRule.CMAKE_VERSION,
            List.of("1", "1.2", "1.2.3", "1.2.3.4"),
            List.of("1.2.3.4.5", "v1", "1.2-rc1")),
        Arguments.of(
            FieldRule.PACKAGE_NAME,
            List.of("Qt6", "gtk+-3.0", "nlohmann_json", "OpenSSL", "glib-2.0"),
            List.of("a b", "a/b", "a{b", "a:b")),
        Arguments.of(
            FieldRule.PROJECT_NAME,
            List.of("my-project", "Foo::Bar", "proj.v2", "caf\u00e9", "(x)"),
            List.of("a b", "a{b", "a\\b", "a`b", "a\tb")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void acceptsAndRefuses(FieldRule rule, List<String> accepted, List<String> refused) {
    for (String v : accepted) {
      assertTrue(rule.accepts(v), rule + " must accept " + FieldRule.printable(v));
    }
    for (String v : refused) {
      assertFalse(rule.accepts(v), rule + " must refuse " + FieldRule.printable(v));
    }
    for (String v : REFUSED_EVERYWHERE) {
      assertFalse(rule.accepts(v), rule + " must refuse " + FieldRule.printable(v));
    }
  }
}
