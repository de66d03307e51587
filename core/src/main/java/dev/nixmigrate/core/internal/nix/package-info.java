/**
 * nixmigrate's own workings, not part of its public API: it may change in any release. Use the
 * facades ({@code dev.nixmigrate.migrate.NixMigrate}, {@code dev.nixmigrate.core.RepoScanner}) and
 * the model instead.
 */
package dev.nixmigrate.core.internal.nix;
