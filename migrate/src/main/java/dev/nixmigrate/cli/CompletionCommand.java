package dev.nixmigrate.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nixmigrate completion}: prints the shell completion script. The zsh form is the bash
 * script run through zsh's {@code bashcompinit}, as a completion function zsh can autoload.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the completion script for bash or zsh.",
      "bash:  source <(nixmigrate completion)",
      "zsh:   nixmigrate completion --shell zsh > ~/.zfunc/_nixmigrate",
      "       (with ~/.zfunc on fpath before compinit runs)",
      "The launcher (bin/nixmigrate) and the Nix package install both for you."
    })
final class CompletionCommand implements Runnable {
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--shell",
      paramLabel = "SHELL",
      description = "bash or zsh (default: ${DEFAULT-VALUE}).",
      defaultValue = "bash")
  Shell shell;

  @Override
  public void run() {
    String bash = AutoComplete.bash("nixmigrate", spec.root().commandLine());
    String out =
        shell == Shell.bash
            ? bash
            : "#compdef nixmigrate\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash
                + "\n_bash_complete -F _complete_nixmigrate\n";
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
  }
}
