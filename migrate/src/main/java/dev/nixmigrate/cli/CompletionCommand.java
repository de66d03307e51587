package dev.nixmigrate.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nixmigrate completion}: prints the shell completion script. The script is written for bash
 * and also runs in zsh through {@code bashcompinit}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the completion script for bash and zsh.",
      "bash:  source <(nixmigrate completion)",
      "zsh:   autoload -U +X compinit && compinit",
      "       autoload -U +X bashcompinit && bashcompinit",
      "       source <(nixmigrate completion)",
      "The launcher (bin/nixmigrate) and the Nix package install it for you."
    })
final class CompletionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().print(AutoComplete.bash("nixmigrate", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
  }
}
