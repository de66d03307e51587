package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.DevEnvironment;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration notes' comparison of the places to develop in: how each gets this repository's dev
 * shell, said from the files the run writes or finds, and what each costs.
 */
final class DevEnvironments {
  private DevEnvironments() {}

  /** Who a file is of: nixmigrate's in this run, the user's, or nobody's. */
  private enum Owner {
    OURS,
    YOURS,
    NONE
  }

  static List<Map<String, String>> rows(RepoFacts facts, Options options, Generator.Context ctx) {
    Map<DevEnvironment, String> costs = DevEnvironment.costs(options.environmentCosts());
    Owner container = owner(facts, ctx, DevcontainerGenerator.PATH);
    Owner envrc = owner(facts, ctx, EnvrcGenerator.ENVRC);
    String file = "`" + DevcontainerGenerator.PATH + "`";
    List<Map<String, String>> rows = new ArrayList<>();
    for (DevEnvironment e : DevEnvironment.values()) {
      String how =
          switch (e) {
            case LOCAL ->
                "install Nix, then `nix develop`"
                    + switch (envrc) {
                      case OURS -> ", or direnv through `.envrc`";
                      case YOURS -> ", or direnv through your `.envrc`";
                      case NONE -> "";
                    };
            case CODESPACES ->
                switch (container) {
                  case OURS ->
                      file
                          + ": Ubuntu with Nix; the dev shell is built when the codespace is"
                          + " created";
                  case YOURS ->
                      "your "
                          + file
                          + ", left as it is: it has this dev shell once it installs Nix";
                  case NONE ->
                      "no dev container here (`--devcontainer` writes one): the default image,"
                          + " without Nix";
                };
            case CLOUD_VM ->
                "install Nix with flakes on, clone, then `nix develop`"
                    + (options.binaryCache().isNone()
                        ? ""
                        : "; `nix/nix.conf` adds the binary cache");
            case DEVPOD ->
                switch (container) {
                  case OURS -> "the same " + file + ", on the machine its provider starts";
                  case YOURS -> "your " + file + ", as for Codespaces";
                  case NONE -> "needs a " + file + " (`--devcontainer` writes one)";
                };
          };
      Map<String, String> row = new LinkedHashMap<>();
      row.put("title", e.title());
      row.put("how", how);
      row.put("cost", costs.get(e));
      rows.add(row);
    }
    return rows;
  }

  /** The places whose cost nixmigrate.toml sets, by title. */
  static List<String> overridden(Options options) {
    Map<DevEnvironment, String> costs = DevEnvironment.costs(options.environmentCosts());
    List<String> out = new ArrayList<>();
    for (DevEnvironment e : DevEnvironment.values()) {
      if (!costs.get(e).equals(e.defaultCost())) {
        out.add(e.title());
      }
    }
    return out;
  }

  /**
   * nixmigrate's when this run writes it; the user's when it is on disk and nixmigrate never wrote
   * it (a run leaves such a file alone).
   */
  private static Owner owner(RepoFacts facts, Generator.Context ctx, String path) {
    boolean onDisk = Files.isRegularFile(facts.root().resolve(path), LinkOption.NOFOLLOW_LINKS);
    if (onDisk && !ctx.selection().managed(path)) {
      return Owner.YOURS;
    }
    return ctx.writes(path) ? Owner.OURS : Owner.NONE;
  }
}
