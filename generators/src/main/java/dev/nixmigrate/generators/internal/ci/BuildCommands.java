package dev.nixmigrate.generators.internal.ci;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which commands of a CI script compile with cargo or CMake, read as a shell reads them: comments
 * run nothing, a package manager's {@code install cmake} installs a tool, and {@code sudo}, {@code
 * env VAR=x}, {@code time} or {@code bash -c "..."} run the command they wrap. A compiler cache
 * wired to a job helps only these commands.
 */
final class BuildCommands {
  private BuildCommands() {}

  /** A build tool a compiler cache is wired to. */
  enum Tool {
    CARGO("cargo"),
    CMAKE("CMake");

    private final String display;

    Tool(String display) {
      this.display = display;
    }

    String display() {
      return display;
    }
  }

  /**
   * Cargo's subcommands that compile the project's code. Not among them: {@code fmt}, {@code
   * metadata}, {@code fetch} and the like compile nothing; {@code publish} and {@code package}
   * build once per release, in a job that holds the registry token, where nixmigrate adds no
   * third-party action; {@code install} builds a tool from crates.io unless it is given {@code
   * --path}; aliases and {@code xtask} run what the project defines, which nixmigrate does not
   * read.
   */
  private static final Set<String> CARGO_COMPILES =
      Set.of(
          "build",
          "b",
          "check",
          "c",
          "test",
          "t",
          "run",
          "r",
          "bench",
          "doc",
          "d",
          "rustc",
          "rustdoc",
          "clippy",
          "nextest",
          "llvm-cov",
          "tarpaulin",
          "hack");

  /** Cargo's options before the subcommand that take the next word as their value. */
  private static final Set<String> CARGO_VALUE_OPTIONS =
      Set.of("-C", "-Z", "--config", "--color", "--explain");

  /** cargo llvm-cov's subcommands that only read coverage an earlier run wrote. */
  private static final Set<String> LLVM_COV_REPORTS = Set.of("report", "clean", "show-env");

  /** CMake's modes that neither configure nor build. */
  private static final Set<String> CMAKE_OTHER_MODES =
      Set.of(
          "-E",
          "-P",
          "--install",
          "--version",
          "-version",
          "--help",
          "-help",
          "-h",
          "--system-information",
          "--find-package",
          "--list-presets");

  /** CMake's options that take the next word as their value, when it is not attached. */
  private static final Set<String> CMAKE_VALUE_OPTIONS =
      Set.of(
          "-S",
          "-B",
          "-G",
          "-T",
          "-A",
          "-C",
          "-D",
          "-U",
          "--preset",
          "--toolchain",
          "--install-prefix",
          "--graphviz",
          "--log-level",
          "--log-context");

  /** The build tools {@code script} compiles with. */
  static Set<Tool> compiles(String script) {
    Set<Tool> out = EnumSet.noneOf(Tool.class);
    for (List<String> cmd : commands(script)) {
      if (cargoCompiles(cmd)) {
        out.add(Tool.CARGO);
      }
      if (cmakeBuilds(cmd)) {
        out.add(Tool.CMAKE);
      }
    }
    return out;
  }

  /**
   * Removes from {@code builds} each tool whose cache the job's text already names: sccache for
   * cargo, ccache (or sccache) for CMake.
   */
  static void dropCached(java.util.Collection<Tool> builds, String jobText) {
    String lower = jobText.toLowerCase(Locale.ROOT);
    if (lower.contains("sccache")) {
      builds.remove(Tool.CARGO);
    }
    if (lower.contains("ccache")) {
      builds.remove(Tool.CMAKE);
    }
  }

  /**
   * The first command of {@code script} that uses MSVC, in words, or null: {@code cl} or {@code
   * msbuild} run, or a CMake configured for a Visual Studio generator ({@code -G "Visual Studio
   * ..."}, or {@code -A}, a platform only those generators take).
   */
  static String msvc(String script) {
    for (List<String> cmd : commands(script)) {
      String program = cmd.get(0);
      if (program.equals("cl") || program.equals("msbuild")) {
        return "runs " + program;
      }
      if (program.equals("cmake")) {
        for (int i = 1; i < cmd.size(); i++) {
          String arg = cmd.get(i);
          String generator =
              arg.equals("-G") && i + 1 < cmd.size()
                  ? cmd.get(i + 1)
                  : arg.startsWith("-G") ? arg.substring(2) : "";
          if (generator.startsWith("Visual Studio")) {
            return "configures CMake with -G \"" + generator + "\"";
          }
          if (arg.equals("-A") || arg.startsWith("-A") && arg.length() > 2) {
            return "configures CMake with -A, a Visual Studio generator's platform";
          }
        }
      }
    }
    return null;
  }

  private static boolean cargoCompiles(List<String> cmd) {
    if (!cmd.get(0).equals("cargo")) {
      return false;
    }
    for (int i = 1; i < cmd.size(); i++) {
      String w = cmd.get(i);
      if (w.startsWith("+")) {
        continue; // a toolchain: cargo +nightly build
      }
      if (w.startsWith("-")) {
        if (CARGO_VALUE_OPTIONS.contains(w)) {
          i++;
        }
        continue;
      }
      List<String> rest = cmd.subList(i + 1, cmd.size());
      return switch (w) {
        case "install" ->
            rest.stream().anyMatch(a -> a.equals("--path") || a.startsWith("--path="));
        case "llvm-cov" -> rest.isEmpty() || !LLVM_COV_REPORTS.contains(rest.get(0));
        default -> CARGO_COMPILES.contains(w);
      };
    }
    return false; // cargo --version, cargo --list
  }

  /** Whether a cmake command configures a build tree or builds one. */
  private static boolean cmakeBuilds(List<String> cmd) {
    if (!cmd.get(0).equals("cmake")) {
      return false;
    }
    List<String> args = cmd.subList(1, cmd.size());
    if (args.stream().anyMatch(CMAKE_OTHER_MODES::contains)) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--build") || a.equals("--workflow")) {
        return true;
      }
      if (!a.startsWith("-")) {
        return true; // a source or build folder: cmake .., cmake . -DX=1
      }
      if (a.startsWith("-S") || a.startsWith("-B") || a.startsWith("--preset")) {
        return true;
      }
      if (CMAKE_VALUE_OPTIONS.contains(a)) {
        i++;
      }
    }
    return false;
  }

  /**
   * Each simple command of {@code script} as its words, without quotes, the program first and named
   * as on any OS ({@code /usr/bin/cmake} and {@code cmake.exe} are {@code cmake}); the wrappers
   * that run another command are left out, and {@code bash -c}'s script is read as commands too.
   */
  static List<List<String>> commands(String script) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> words : split(script)) {
      List<String> cmd = unwrap(words);
      if (cmd.isEmpty()) {
        continue;
      }
      String program = cmd.get(0);
      if (Set.of("bash", "sh", "zsh", "dash").contains(program)) {
        String inner = shellArgument(cmd);
        if (inner != null) {
          out.addAll(commands(inner));
        }
        continue;
      }
      out.add(cmd);
    }
    return out;
  }

  /**
   * The script {@code bash -c SCRIPT} runs ({@code -c} alone or among flags: -ec, -lc), or null.
   */
  private static String shellArgument(List<String> cmd) {
    for (int i = 1; i < cmd.size(); i++) {
      String w = cmd.get(i);
      if (!w.startsWith("-")) {
        return null;
      }
      if (!w.startsWith("--") && w.contains("c")) {
        return i + 1 < cmd.size() ? cmd.get(i + 1) : null;
      }
    }
    return null;
  }

  /** {@code words} without the wrappers that run the command after them, the program renamed. */
  private static List<String> unwrap(List<String> words) {
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        i++; // VAR=x cargo build
        continue;
      }
      switch (w) {
        case "then", "do", "else", "elif", "if", "while", "until", "!", "{", "}", "exec", "nohup" ->
            i++;
        case "sudo" -> i = options(words, i + 1, Set.of("-u", "-g", "-C", "-D", "-p", "-U", "-r"));
        case "env" -> i = options(words, i + 1, Set.of("-u", "-C", "-S"));
        case "time" -> i = options(words, i + 1, Set.of("-f", "-o"));
        case "nice" -> i = options(words, i + 1, Set.of("-n"));
        case "timeout" -> i = options(words, i + 1, Set.of("-s", "-k")) + 1;
        case "command" -> {
          if (i + 1 < words.size() && words.get(i + 1).matches("-[vV]")) {
            return List.of(); // command -v cargo: a lookup, nothing runs
          }
          i++;
        }
        default -> {
          if (programName(w).equals("cmake")
              && i + 2 < words.size()
              && words.get(i + 1).equals("-E")
              && words.get(i + 2).equals("env")) {
            i = options(words, i + 3, Set.of()); // cmake -E env VAR=x cmd: runs cmd
            continue;
          }
          List<String> cmd = new ArrayList<>(words.subList(i, words.size()));
          cmd.set(0, programName(w));
          return cmd;
        }
      }
    }
    return List.of();
  }

  /** The index after the options starting at {@code i}, those in {@code valued} with a value. */
  private static int options(List<String> words, int i, Set<String> valued) {
    while (i < words.size() && words.get(i).startsWith("-")) {
      i += valued.contains(words.get(i)) ? 2 : 1;
    }
    return i;
  }

  private static String programName(String word) {
    String name = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".exe") ? lower.substring(0, lower.length() - 4) : name;
  }

  /**
   * What a backslash escapes: a line's end or a character the shell would read. Before any other
   * character it is taken as it is, as in a Windows path.
   */
  private static final String ESCAPED = "\n\r \t\"'\\$;&|()#`";

  /**
   * {@code script} cut into simple commands, each a list of words with their quotes removed. A
   * command ends at a line's end (unless escaped), {@code ; & | ( )} or a backquote outside quotes;
   * a {@code #} that starts a word starts a comment.
   */
  private static List<List<String>> split(String script) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char ch = script.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else if (ch == '\\' && quote == '"' && i + 1 < script.length()) {
          word.append(script.charAt(++i));
        } else {
          word.append(ch);
        }
        continue;
      }
      if (ch == '\\' && i + 1 < script.length() && ESCAPED.indexOf(script.charAt(i + 1)) >= 0) {
        char next = script.charAt(++i);
        if (next == '\r' && i + 1 < script.length() && script.charAt(i + 1) == '\n') {
          i++;
        }
        if (next != '\n' && next != '\r') {
          word = word == null ? new StringBuilder() : word;
          word.append(next);
        }
        continue;
      }
      if (ch == '#' && word == null) {
        while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
          i++; // a comment, to the end of the line
        }
        continue;
      }
      boolean ends = "\n;&|()`".indexOf(ch) >= 0;
      if (ends || Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        if (ends && !words.isEmpty()) {
          out.add(words);
          words = new ArrayList<>();
        }
        continue;
      }
      word = word == null ? new StringBuilder() : word;
      if (ch == '\'' || ch == '"') {
        quote = ch;
      } else {
        word.append(ch);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      out.add(words);
    }
    return out;
  }
}
