package dev.nixmigrate.core.model;

/**
 * A nixpkgs attribute a project needs, why, and where it goes in a derivation.
 *
 * @param attribute the attribute path in nixpkgs ({@code openssl}, {@code pkg-config})
 * @param input {@code buildInputs} or {@code nativeBuildInputs}
 * @param reason the need it answers, e.g. {@code find_package(OpenSSL)}
 */
public record NixPackage(String attribute, String input, String reason) {}
