package dev.nixmigrate.core.internal.cmake;

import dev.nixmigrate.core.internal.cmake.CMakeLexer.Arg;
import dev.nixmigrate.core.internal.cmake.CMakeLexer.ArgKind;
import dev.nixmigrate.core.internal.cmake.CMakeLexer.Command;
import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.CMakeProject.FetchedDependency;
import dev.nixmigrate.core.model.CMakeProject.FindPackage;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Tri;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMake project from its top CMakeLists.txt, following {@code add_subdirectory}, {@code
 * include()} of project files and project-local {@code Find<Name>.cmake} modules. {@code if()} is
 * evaluated for the default configuration (see {@link CMakeCondition}): what only an opt-in setting
 * reaches is reported as optional, what depends on the machine as conditional. Variables from
 * {@code set()}, {@code option()} and {@code list(APPEND)} are resolved; others stay written as
 * {@code ${NAME}}.
 */
public final class CMakeReader {
  private static final int MAX_DEPTH = 32;

  /** How deep user functions may call each other, and how many calls a project may make. */
  private static final int MAX_CALL_DEPTH = 16;

  private static final int MAX_CALLS = 10_000;

  /**
   * What a project's CMake files may make the reader do: the length of one value, the characters
   * and the variable references expanded in all, and the time. Real projects stay far below;
   * without them a few doubling {@code set()}s exhaust memory.
   */
  record Budgets(int valueLength, long expandedChars, long expansions, long millis) {
    static final Budgets DEFAULT = new Budgets(1 << 20, 64L << 20, 1_000_000, 10_000);
  }

  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{[A-Za-z0-9_.+-]+\\}");
  private static final Pattern INNERMOST = Pattern.compile("\\$\\{([^${}]*)\\}");
  private static final Set<String> FIND_PACKAGE_KEYWORDS =
      Set.of(
          "EXACT",
          "QUIET",
          "MODULE",
          "CONFIG",
          "NO_MODULE",
          "REQUIRED",
          "COMPONENTS",
          "OPTIONAL_COMPONENTS",
          "NAMES",
          "CONFIGS",
          "HINTS",
          "PATHS",
          "PATH_SUFFIXES",
          "NO_POLICY_SCOPE",
          "GLOBAL",
          "BYPASS_PROVIDER",
          "NO_DEFAULT_PATH",
          "REGISTRY_VIEW",
          "NO_CMAKE_PATH",
          "NO_CMAKE_ENVIRONMENT_PATH",
          "NO_SYSTEM_ENVIRONMENT_PATH",
          "NO_CMAKE_PACKAGE_REGISTRY",
          "NO_CMAKE_SYSTEM_PATH",
          "NO_CMAKE_INSTALL_PREFIX",
          "NO_CMAKE_SYSTEM_PACKAGE_REGISTRY",
          "CMAKE_FIND_ROOT_PATH_BOTH",
          "ONLY_CMAKE_FIND_ROOT_PATH",
          "NO_CMAKE_FIND_ROOT_PATH",
          "NO_PACKAGE_ROOT_PATH");

  private final RepoFiles files;
  private final String projectDir;
  private final Map<String, String> vars = new HashMap<>();

  /** Variables set under an undecidable condition: their value is a guess. */
  private final Set<String> uncertain = new java.util.HashSet<>();

  private final Set<String> visitedFiles = new LinkedHashSet<>();
  private final Set<String> subdirectories = new TreeSet<>();

  /** Open if/foreach/while blocks, innermost first. */
  private final Deque<Frame> frames = new ArrayDeque<>();

  /**
   * User functions and macros by lower-case name. A body is read where it is called, with the
   * call's arguments bound and under the call's conditions; one never called is read once at the
   * end, as code that may or may not run.
   */
  private final Map<String, Definition> definitions = new LinkedHashMap<>();

  private final Set<String> called = new java.util.HashSet<>();

  /** The definition whose body is being recorded, or null. */
  private Recording recording;

  /** Writes with PARENT_SCOPE of the function calls under way, innermost first. */
  private final Deque<Map<String, String>> parentWrites = new ArrayDeque<>();

  private int callDepth;
  private int calls;

  private String minimumVersion;
  private String name;
  private String version;
  private final LinkedHashSet<String> languages = new LinkedHashSet<>();
  private final Standard cStd = new Standard();
  private final Standard cxxStd = new Standard();
  private final List<FindPackage> packages = new ArrayList<>();
  private final List<FindPackage> optionalPackages = new ArrayList<>();
  private final LinkedHashSet<String> pkgConfig = new LinkedHashSet<>();
  private final List<FetchedDependency> fetched = new ArrayList<>();
  private final List<FetchedDependency> optionalFetched = new ArrayList<>();
  private boolean tests;
  private boolean installs;

  /** Test commands seen only where the default configuration does not go. */
  private boolean testsOff;

  /** Options declared OFF by default, in order: a switch that turns the tests on is among them. */
  private final List<String> offOptions = new ArrayList<>();

  private final Budgets budgets;
  private long expandedChars;
  private long expansions;
  private String currentFile;
  private int currentLine;
  private final long deadline;

  /** Thrown when a file goes over a budget; carries what went over. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget(String what) {
      super(what, null, false, false);
    }
  }

  private CMakeReader(RepoFiles files, String projectDir, Budgets budgets) {
    this.files = files;
    this.projectDir = projectDir;
    this.budgets = budgets;
    this.deadline = System.nanoTime() + budgets.millis() * 1_000_000;
  }

  /** The result: the project and every directory whose CMakeLists.txt it read. */
  public record Result(CMakeProject project, Set<String> directories) {}

  /** A user function or macro: its parameters, its body, and where it was defined. */
  private record Definition(
      boolean macro, List<String> params, List<Command> body, String file, String dir) {}

  /** A definition being read up to its end, with how many nested definitions are open in it. */
  private static final class Recording {
    final String name;
    final boolean macro;
    final List<String> params;
    final String file;
    final String dir;
    final List<Command> body = new ArrayList<>();
    int nested;

    Recording(String name, boolean macro, List<String> params, String file, String dir) {
      this.name = name;
      this.macro = macro;
      this.params = params;
      this.file = file;
      this.dir = dir;
    }
  }

  /** A block: its state now, and whether every earlier branch of an if-chain was false. */
  private static final class Frame {
    final boolean isIf;
    Tri state;
    Tri noneTaken;

    Frame(boolean isIf, Tri state, Tri noneTaken) {
      this.isIf = isIf;
      this.state = state;
      this.noneTaken = noneTaken;
    }
  }

  /** The newest standard seen where it surely applies, and where it only might. */
  private static final class Standard {
    String sure;
    String maybe;

    void add(String value, Tri where) {
      if (!value.matches("\\d{2}") || where == Tri.FALSE) {
        return;
      }
      if (where == Tri.TRUE) {
        sure = newer(sure, value);
      } else {
        maybe = newer(maybe, value);
      }
    }

    String value() {
      return sure != null ? sure : maybe;
    }

    /** C/C++ standards ordered by year: 98 and 99 come before 11. */
    static String newer(String a, String b) {
      return a == null || year(b) > year(a) ? b : a;
    }

    static int year(String s) {
      int n = Integer.parseInt(s);
      return n >= 80 ? 1900 + n : 2000 + n;
    }
  }

  /** Reads the project whose top CMakeLists.txt is in {@code dir}; empty when it cannot be read. */
  public static Optional<Result> read(RepoFiles files, String dir) {
    return read(files, dir, Budgets.DEFAULT);
  }

  static Optional<Result> read(RepoFiles files, String dir, Budgets budgets) {
    CMakeReader r = new CMakeReader(files, dir, budgets);
    String abs = files.resolve(dir).toString();
    r.vars.put("CMAKE_SOURCE_DIR", abs);
    r.vars.put("PROJECT_SOURCE_DIR", abs);
    try {
      if (!r.processFile(RepoFiles.join(dir, "CMakeLists.txt"), dir, 0, true)) {
        return Optional.empty();
      }
      r.uncalled();
    } catch (OverBudget e) {
      return Optional.empty();
    }
    Set<String> dirs = new TreeSet<>();
    dirs.add(dir);
    r.subdirectories.forEach(s -> dirs.add(RepoFiles.join(dir, s)));
    return Optional.of(new Result(r.build(), dirs));
  }

  private CMakeProject build() {
    List<String> vcpkg = PackageManifests.vcpkg(files, RepoFiles.join(projectDir, "vcpkg.json"));
    List<String> conan = PackageManifests.conan(files, RepoFiles.join(projectDir, "conanfile.txt"));
    List<String> presets =
        PackageManifests.presets(files, RepoFiles.join(projectDir, "CMakePresets.json"));
    return new CMakeProject(
        minimumVersion,
        name,
        version,
        List.copyOf(languages),
        cStd.value(),
        cxxStd.value(),
        packages,
        optionalPackages,
        List.copyOf(pkgConfig),
        fetched,
        optionalFetched,
        List.copyOf(subdirectories),
        tests || testOption() != null,
        testOption(),
        installs,
        vcpkg,
        conan,
        presets);
  }

  /** Where the command being read runs: surely, maybe, or only with a non-default setting. */
  private Tri here() {
    Tri t = Tri.TRUE;
    for (Frame f : frames) {
      t = t.and(f.state);
    }
    return t;
  }

  private boolean processFile(String file, String dir, int depth, boolean directoryScope) {
    if (!visitedFiles.add(file) || depth > MAX_DEPTH) {
      return true;
    }
    Optional<String> text = files.text(file);
    if (text.isEmpty()) {
      return false;
    }
    List<Command> commands;
    try {
      commands = CMakeLexer.tokenize(text.get());
    } catch (CMakeLexer.SyntaxException e) {
      files.report(
          Diagnostic.error(
              file,
              e.line(),
              e.column(),
              "CMake syntax error: " + e.getMessage() + "; cmake would refuse this file too"));
      return false;
    }
    String savedSource = vars.get("CMAKE_CURRENT_SOURCE_DIR");
    String savedList = vars.get("CMAKE_CURRENT_LIST_DIR");
    String abs = files.resolve(dir).toString();
    vars.put("CMAKE_CURRENT_LIST_DIR", abs);
    if (directoryScope) {
      vars.put("CMAKE_CURRENT_SOURCE_DIR", abs);
    }
    int openFrames = frames.size();
    for (Command cmd : commands) {
      step(cmd, file, dir, depth);
    }
    while (frames.size() > openFrames) {
      frames.pop(); // An unclosed block ends with its file.
    }
    recording = null; // So does an unclosed function().
    restore("CMAKE_CURRENT_SOURCE_DIR", savedSource);
    restore("CMAKE_CURRENT_LIST_DIR", savedList);
    return true;
  }

  /** Reads one command of a file; going over a budget is reported at it, once. */
  private void step(Command cmd, String file, String dir, int depth) {
    try {
      command(cmd, file, dir, depth);
    } catch (OverBudget e) {
      if (e.getMessage() != null) {
        files.report(
            Diagnostic.error(
                file,
                cmd.line(),
                1,
                e.getMessage()
                    + "; no real project needs this, so nixmigrate does not read this CMake"
                    + " project"));
      }
      throw new OverBudget(null); // Reported once; unwinds to read().
    }
  }

  private void restore(String var, String value) {
    if (value == null) {
      vars.remove(var);
    } else {
      vars.put(var, value);
    }
  }

  private void command(Command cmd, String file, String dir, int depth) {
    if (System.nanoTime() > deadline) {
      throw new OverBudget(
          "reading the CMake files took longer than " + budgets.millis() / 1000.0 + " s");
    }
    String n = cmd.name();
    if (recording != null) {
      record(cmd);
      return;
    }
    switch (n) {
      case "function", "macro" -> {
        List<String> a = expand(cmd.args());
        if (!a.isEmpty()) {
          recording =
              new Recording(
                  a.get(0).toLowerCase(java.util.Locale.ROOT),
                  n.equals("macro"),
                  List.copyOf(a.subList(1, a.size())),
                  file,
                  dir);
        }
        return;
      }
      case "if" -> {
        Tri c = condition(cmd.args());
        frames.push(new Frame(true, c, c.not()));
        return;
      }
      case "elseif" -> {
        Frame f = frames.peek();
        if (f != null && f.isIf) {
          Tri c = condition(cmd.args());
          f.state = f.noneTaken.and(c);
          f.noneTaken = f.noneTaken.and(c.not());
        }
        return;
      }
      case "else" -> {
        Frame f = frames.peek();
        if (f != null && f.isIf) {
          f.state = f.noneTaken;
        }
        return;
      }
      case "foreach" -> {
        frames.push(new Frame(false, Tri.TRUE, Tri.FALSE));
        return;
      }
      case "while", "block" -> {
        frames.push(new Frame(false, Tri.UNKNOWN, Tri.FALSE));
        return;
      }
      case "endif", "endforeach", "endwhile", "endblock" -> {
        if (!frames.isEmpty()) {
          frames.pop();
        }
        return;
      }
      case "endfunction", "endmacro" -> {
        return; // Without its function(): cmake refuses it; nothing to read.
      }
      default -> {}
    }
    Tri where = here();
    currentFile = file;
    currentLine = cmd.line();
    List<String> a = expand(cmd.args());
    switch (n) {
      case "cmake_minimum_required" -> {
        int i = a.indexOf("VERSION");
        if (minimumVersion == null && i >= 0 && i + 1 < a.size()) {
          minimumVersion = a.get(i + 1);
        }
      }
      case "project" -> project(a, dir, where);
      case "enable_language" -> {
        if (where != Tri.FALSE) {
          a.stream().filter(l -> !l.equals("OPTIONAL")).forEach(languages::add);
        }
      }
      case "set" -> set(a, where);
      case "cmake_dependent_option" -> dependentOption(a, where);
      case "option" -> {
        if (!a.isEmpty() && where != Tri.FALSE && !vars.containsKey(a.get(0))) {
          vars.put(a.get(0), a.size() >= 3 ? a.get(2) : "OFF");
          if (where == Tri.TRUE && CMakeCondition.isFalseConstant(vars.get(a.get(0)))) {
            offOptions.add(a.get(0));
          }
          if (where == Tri.UNKNOWN) {
            uncertain.add(a.get(0));
          }
        }
      }
      case "list" -> list(a, where);
      case "find_package" -> findPackage(a, where, file, cmd.line(), dir, depth);
      case "pkg_check_modules", "pkg_search_module" -> {
        if (where != Tri.FALSE) {
          pkgModules(a);
        }
      }
      case "fetchcontent_declare" -> fetch(a, "FetchContent", file, cmd.line(), where);
      case "externalproject_add" -> fetch(a, "ExternalProject", file, cmd.line(), where);
      case "cpmaddpackage" -> fetch(a, "CPM", file, cmd.line(), where);
      case "add_subdirectory" -> subdirectory(a, dir, depth);
      case "include" -> include(a, dir, depth, where);
      case "install" -> installs |= where != Tri.FALSE;
      case "enable_testing",
          "add_test",
          "gtest_discover_tests",
          "gtest_add_tests",
          "catch_discover_tests",
          "doctest_discover_tests" ->
          testMarker(where);
      case "target_compile_features" -> {
        for (String f : a) {
          if (f.startsWith("cxx_std_")) {
            cxxStd.add(f.substring("cxx_std_".length()), where);
          } else if (f.startsWith("c_std_")) {
            cStd.add(f.substring("c_std_".length()), where);
          }
        }
      }
      case "set_target_properties", "set_property" -> {
        for (int i = 0; i + 1 < a.size(); i++) {
          if (a.get(i).equals("CXX_STANDARD")) {
            cxxStd.add(a.get(i + 1), where);
          } else if (a.get(i).equals("C_STANDARD")) {
            cStd.add(a.get(i + 1), where);
          }
        }
      }
      default -> {
        Definition d = definitions.get(n);
        if (d != null && where != Tri.FALSE) {
          call(n, d, a, dir, depth);
        }
      }
    }
  }

  /** Adds a command to the body being recorded, or ends the definition at its matching end. */
  private void record(Command cmd) {
    String n = cmd.name();
    if (n.equals("function") || n.equals("macro")) {
      recording.nested++;
    } else if ((n.equals("endfunction") || n.equals("endmacro")) && recording.nested-- == 0) {
      Recording r = recording;
      recording = null;
      if (here() != Tri.FALSE) {
        definitions.put(
            r.name, new Definition(r.macro, r.params, List.copyOf(r.body), r.file, r.dir));
      }
      return;
    }
    recording.body.add(cmd);
  }

  /**
   * Reads a user function's or macro's body as cmake runs it: the parameters, ARGC, ARGV, ARGVn and
   * ARGN bound to the call's arguments, under the conditions of the call. A function's variables
   * end with it, except those it sets with PARENT_SCOPE; a macro's stay.
   */
  private void call(String n, Definition d, List<String> args, String dir, int depth) {
    if (callDepth >= MAX_CALL_DEPTH || calls >= MAX_CALLS) {
      return; // Recursion or a flood of calls: what is read so far stands.
    }
    calls++;
    called.add(n);
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < d.params().size(); i++) {
      bound.put(d.params().get(i), i < args.size() ? args.get(i) : "");
    }
    bound.put("ARGC", Integer.toString(args.size()));
    bound.put("ARGV", String.join(";", args));
    bound.put(
        "ARGN",
        args.size() > d.params().size()
            ? String.join(";", args.subList(d.params().size(), args.size()))
            : "");
    for (int i = 0; i < args.size() && i < 32; i++) {
      bound.put("ARGV" + i, args.get(i));
    }
    Map<String, String> before = new HashMap<>();
    if (d.macro()) {
      bound.keySet().forEach(k -> before.put(k, vars.get(k)));
    } else {
      before.putAll(vars);
      parentWrites.push(new HashMap<>());
    }
    vars.putAll(bound);
    int openFrames = frames.size();
    callDepth++;
    try {
      for (Command c : d.body()) {
        step(c, d.file(), dir, depth); // Relative paths are the caller's.
      }
    } finally {
      callDepth--;
      recording = null; // A definition left open in the body ends with it.
      while (frames.size() > openFrames) {
        frames.pop();
      }
      if (d.macro()) {
        before.forEach(this::restore);
      } else {
        vars.clear();
        vars.putAll(before);
        parentWrites.pop().forEach(this::restore);
      }
    }
  }

  /** Reads each function never called once, as code that may run: what it needs may be needed. */
  private void uncalled() {
    for (var e : List.copyOf(definitions.entrySet())) {
      if (called.contains(e.getKey())) {
        continue;
      }
      Definition d = e.getValue();
      frames.push(new Frame(false, Tri.UNKNOWN, Tri.FALSE));
      int openFrames = frames.size();
      try {
        for (Command c : d.body()) {
          step(c, d.file(), d.dir(), 0);
        }
      } finally {
        recording = null;
        while (frames.size() >= openFrames) {
          frames.pop();
        }
      }
    }
  }

  private void project(List<String> a, String dir, Tri where) {
    if (a.isEmpty()) {
      return;
    }
    boolean first = name == null;
    if (first) {
      name = checked(FieldRule.PROJECT_NAME, a.get(0), "project name");
      if (name == null) {
        return;
      }
      vars.putIfAbsent("CMAKE_PROJECT_NAME", name);
    }
    vars.put("PROJECT_NAME", a.get(0));
    vars.put("PROJECT_SOURCE_DIR", files.resolve(dir).toString());
    vars.put("PROJECT_IS_TOP_LEVEL", first && dir.equals(projectDir) ? "ON" : "OFF");
    List<String> langs = new ArrayList<>();
    boolean explicitLanguages = false;
    String keyword = null;
    for (int i = 1; i < a.size(); i++) {
      String arg = a.get(i);
      if (List.of("VERSION", "DESCRIPTION", "HOMEPAGE_URL", "LANGUAGES").contains(arg)) {
        keyword = arg;
        explicitLanguages |= arg.equals("LANGUAGES");
        continue;
      }
      if ("VERSION".equals(keyword)) {
        if (first) {
          // A version from a variable the reader cannot resolve (read from a header, say) is
          // unknown, not wrong: only a literal is checked.
          version =
              VARIABLE_REFERENCE.matcher(arg).find()
                  ? null
                  : checked(FieldRule.CMAKE_VERSION, arg, "project version");
        }
        vars.put("PROJECT_VERSION", arg);
        keyword = null;
      } else if ("DESCRIPTION".equals(keyword) || "HOMEPAGE_URL".equals(keyword)) {
        keyword = null;
      } else {
        langs.add(arg); // After LANGUAGES, or the legacy form project(name CXX C).
        explicitLanguages = true;
      }
    }
    if (!explicitLanguages) {
      langs = List.of("C", "CXX"); // CMake's default when project() names no language.
    }
    if (where != Tri.FALSE) {
      langs.stream().filter(l -> !l.equals("NONE")).forEach(languages::add);
    }
  }

  private void set(List<String> a, Tri where) {
    if (a.isEmpty() || where == Tri.FALSE) {
      return;
    }
    String var = a.get(0);
    List<String> values = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      if (a.get(i).equals("CACHE") || a.get(i).equals("PARENT_SCOPE")) {
        break;
      }
      values.add(a.get(i));
    }
    String value = String.join(";", values);
    if (!parentWrites.isEmpty() && a.get(a.size() - 1).equals("PARENT_SCOPE")) {
      if (where == Tri.TRUE) {
        parentWrites.peek().put(var, values.isEmpty() ? null : value);
      }
      return; // The caller's variable, not this function's.
    }
    if (var.equals("CMAKE_CXX_STANDARD")) {
      cxxStd.add(value, where);
    } else if (var.equals("CMAKE_C_STANDARD")) {
      cStd.add(value, where);
    }
    if (where == Tri.TRUE) {
      uncertain.remove(var);
      if (values.isEmpty()) {
        vars.remove(var);
      } else {
        vars.put(var, value);
      }
    } else {
      // Under an undecidable condition the variable may or may not change: keep a guess.
      vars.putIfAbsent(var, value);
      uncertain.add(var);
    }
  }

  private void list(List<String> a, Tri where) {
    if (a.size() < 2 || where == Tri.FALSE) {
      return;
    }
    String op = a.get(0);
    String var = a.get(1);
    List<String> items = a.subList(2, a.size());
    if (op.equals("APPEND") || op.equals("PREPEND")) {
      String old = vars.getOrDefault(var, "");
      String add = String.join(";", items);
      budget(old.length() + add.length(), add.length());
      String joined =
          old.isEmpty()
              ? add
              : add.isEmpty() ? old : op.equals("APPEND") ? old + ";" + add : add + ";" + old;
      vars.put(var, joined);
    }
  }

  private void findPackage(
      List<String> a, Tri where, String file, int line, String dir, int depth) {
    if (a.isEmpty()) {
      return;
    }
    String pkg = checked(FieldRule.PACKAGE_NAME, a.get(0), "find_package name");
    if (pkg == null) {
      return;
    }
    String ver = null;
    boolean required = false;
    boolean config = false;
    List<String> components = new ArrayList<>();
    boolean inComponents = false;
    for (int i = 1; i < a.size(); i++) {
      String arg = a.get(i);
      if (i == 1 && arg.matches("[0-9][0-9.]*(\\.\\.\\.<?[0-9.]+)?")) {
        ver = arg;
      } else if (arg.equals("REQUIRED")) {
        required = true;
        inComponents = true; // Components may follow REQUIRED.
      } else if (arg.equals("COMPONENTS")) {
        inComponents = true;
      } else if (FIND_PACKAGE_KEYWORDS.contains(arg)) {
        inComponents = false;
        config |= arg.equals("CONFIG") || arg.equals("NO_MODULE");
      } else if (inComponents) {
        components.add(arg);
      }
    }
    FindPackage fp = new FindPackage(pkg, ver, required, components, where != Tri.TRUE, file, line);
    (where == Tri.FALSE ? optionalPackages : packages).add(fp);
    if (!config) {
      findModule(pkg, dir, depth);
    }
  }

  /**
   * Reads a project-local {@code Find<Name>.cmake} from CMAKE_MODULE_PATH; what it does depends on
   * the machine.
   */
  private void findModule(String pkg, String dir, int depth) {
    String module = inModulePath("Find" + pkg + ".cmake", dir);
    if (module != null) {
      frames.push(new Frame(false, Tri.UNKNOWN, Tri.FALSE));
      processFile(module, folderOf(module), depth + 1, false);
      frames.pop();
    }
  }

  /** The folder of a repository path: {@code .} for a file at the root. */
  private static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  /** The repository path of {@code name} in the first CMAKE_MODULE_PATH folder holding it. */
  private String inModulePath(String name, String dir) {
    String path = vars.get("CMAKE_MODULE_PATH");
    if (path == null) {
      return null;
    }
    for (String moduleDir : path.split(";")) {
      String rel = resolvePath(moduleDir, dir);
      if (rel != null && files.isFile(RepoFiles.join(rel, name))) {
        return RepoFiles.join(rel, name);
      }
    }
    return null;
  }

  private void pkgModules(List<String> a) {
    for (int i = 1; i < a.size(); i++) {
      String arg = a.get(i);
      if (arg.equals("REQUIRED")
          || arg.equals("QUIET")
          || arg.equals("IMPORTED_TARGET")
          || arg.equals("GLOBAL")
          || arg.startsWith("NO_CMAKE_")) {
        continue;
      }
      String module = arg.split("[<>=]", 2)[0].strip();
      if (!module.isEmpty()
          && !module.contains("${")
          && checked(FieldRule.PACKAGE_NAME, module, "pkg-config module name") != null) {
        pkgConfig.add(module);
      }
    }
  }

  private void fetch(List<String> a, String kind, String file, int line, Tri where) {
    if (a.isEmpty()) {
      return;
    }
    String source = "";
    String depName = a.get(0);
    for (int i = 0; i + 1 < a.size(); i++) {
      String k = a.get(i);
      if (k.equals("GIT_REPOSITORY")
          || k.equals("URL")
          || k.equals("GITHUB_REPOSITORY")
          || k.equals("SVN_REPOSITORY")
          || k.equals("HG_REPOSITORY")) {
        source = a.get(i + 1);
        break;
      }
      if (kind.equals("CPM") && k.equals("NAME")) {
        depName = a.get(i + 1);
      }
    }
    if (kind.equals("CPM") && a.size() == 1) {
      // The shorthand names a source: gh:owner/name@1.0, or a URL whose last part is the name.
      source = a.get(0);
      String last = a.get(0).replaceAll("[#@].*$", "").replaceAll("/+$", "");
      depName = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
    }
    depName = checked(FieldRule.PACKAGE_NAME, depName, kind + " dependency name");
    if (depName == null) {
      return;
    }
    FetchedDependency d = new FetchedDependency(depName, kind, source, file, line);
    (where == Tri.FALSE ? optionalFetched : fetched).add(d);
  }

  /**
   * {@code value} when {@code rule} accepts it with references to variables nixmigrate cannot
   * resolve left as they are written; else null, with an ERROR at the command being read.
   */
  private String checked(FieldRule rule, String value, String field) {
    String resolvedPart = VARIABLE_REFERENCE.matcher(value).replaceAll("x");
    if (rule.accepts(resolvedPart)) {
      return value;
    }
    files.report(rule.refuse(currentFile, currentLine, 1, "the " + field, value));
    return null;
  }

  private void subdirectory(List<String> a, String dir, int depth) {
    if (a.isEmpty() || a.get(0).contains("${")) {
      return;
    }
    String child = resolvePath(a.get(0), dir);
    if (child != null && files.isFile(RepoFiles.join(child, "CMakeLists.txt"))) {
      subdirectories.add(relativeToProject(child));
      processFile(RepoFiles.join(child, "CMakeLists.txt"), child, depth + 1, true);
    }
  }

  /** Names of options that switch a project's tests on. */
  private static final Pattern TEST_OPTION =
      Pattern.compile(
          "(?i)(?:^|_)(?:BUILD_TESTS?|BUILD_TESTING|TESTS?|TESTING|ENABLE_TESTS?|"
              + "DEVELOPMENT_BUILD|DEV_BUILD|DEVELOPER_MODE)$");

  /**
   * When test commands appear only behind an option that is off by default, the first such option
   * named for tests or development; null when the tests need no option.
   */
  private String testOption() {
    if (tests || !testsOff) {
      return null;
    }
    // The name reaches command lines: only plain identifiers.
    return offOptions.stream()
        .filter(o -> o.matches("[A-Za-z][A-Za-z0-9_]{0,99}") && TEST_OPTION.matcher(o).find())
        .findFirst()
        .orElse(null);
  }

  private void testMarker(Tri where) {
    if (where == Tri.FALSE) {
      testsOff = true;
    } else {
      tests = true;
    }
  }

  /**
   * {@code cmake_dependent_option(NAME doc DEFAULT DEPENDS FORCE)}: DEFAULT when every condition of
   * DEPENDS holds, else FORCE; unknown when a condition cannot be decided.
   */
  private void dependentOption(List<String> a, Tri where) {
    if (a.size() < 5 || where == Tri.FALSE || vars.containsKey(a.get(0))) {
      return;
    }
    Tri all = Tri.TRUE;
    for (String c : a.get(3).split(";")) {
      List<CMakeCondition.Token> tokens = new ArrayList<>();
      for (String word : c.strip().split("\\s+")) {
        if (!word.isEmpty()) {
          tokens.add(new CMakeCondition.Token(word, ArgKind.UNQUOTED));
        }
      }
      Tri t = tokens.isEmpty() ? Tri.TRUE : CMakeCondition.evaluate(tokens, vars, uncertain);
      if (t == Tri.FALSE) {
        all = Tri.FALSE;
        break;
      }
      if (t == Tri.UNKNOWN) {
        all = Tri.UNKNOWN;
      }
    }
    vars.put(a.get(0), all == Tri.FALSE ? a.get(4) : a.get(2));
    if (all == Tri.UNKNOWN || where == Tri.UNKNOWN) {
      uncertain.add(a.get(0));
    }
  }

  private void include(List<String> a, String dir, int depth, Tri where) {
    if (a.isEmpty()) {
      return;
    }
    String target = a.get(0);
    if (target.equals("CTest")) {
      testMarker(where);
      return;
    }
    if (target.contains("${")) {
      return;
    }
    if (!target.endsWith(".cmake")) {
      // A module name: CMake looks for <name>.cmake in CMAKE_MODULE_PATH (then in its own).
      String module =
          target.matches("[A-Za-z0-9_.-]+") ? inModulePath(target + ".cmake", dir) : null;
      if (module != null) {
        processFile(module, folderOf(module), depth + 1, false);
      }
      return;
    }
    String resolved = resolvePath(target, dir);
    if (resolved != null && files.isFile(resolved)) {
      processFile(resolved, folderOf(resolved), depth + 1, false);
    }
  }

  private Tri condition(List<Arg> args) {
    List<CMakeCondition.Token> tokens = new ArrayList<>();
    for (Arg arg : args) {
      if (arg.kind() == ArgKind.BRACKET) {
        tokens.add(new CMakeCondition.Token(arg.value(), ArgKind.BRACKET));
      } else {
        tokens.add(new CMakeCondition.Token(substitute(arg.value()), arg.kind()));
      }
    }
    return CMakeCondition.evaluate(tokens, vars, uncertain);
  }

  /**
   * Checks a value of {@code length} characters, {@code added} of which are new expansion, against
   * the value and total budgets.
   */
  private void budget(long length, long added) {
    expandedChars += added;
    if (length > budgets.valueLength()) {
      throw new OverBudget(
          "a variable expands to more than " + size(budgets.valueLength()) + " of text");
    }
    if (expandedChars > budgets.expandedChars()) {
      throw new OverBudget(
          "variables expand to more than " + size(budgets.expandedChars()) + " of text in all");
    }
  }

  private static String size(long chars) {
    return chars >= 1 << 20 ? (chars >> 20) + " MiB" : chars + " characters";
  }

  /** Expands {@code ${VAR}} references; unquoted arguments split on unescaped {@code ;}. */
  private List<String> expand(List<Arg> args) {
    List<String> out = new ArrayList<>();
    for (Arg arg : args) {
      if (arg.kind() == ArgKind.BRACKET) {
        out.add(arg.value());
      } else if (arg.kind() == ArgKind.QUOTED) {
        out.add(substitute(arg.value()).replace("\\;", ";"));
      } else if (!arg.value().equals("(") && !arg.value().equals(")")) {
        for (String part : substitute(arg.value()).split("(?<!\\\\);", -1)) {
          if (!part.isEmpty()) {
            out.add(part.replace("\\;", ";"));
          }
        }
      }
    }
    return out;
  }

  /** Replaces known variables innermost first; unknown ones stay written as {@code ${NAME}}. */
  String substitute(String s) {
    String current = s;
    for (int round = 0; round < 32 && current.contains("${"); round++) {
      Matcher m = INNERMOST.matcher(current);
      StringBuilder b = new StringBuilder();
      boolean any = false;
      while (m.find()) {
        String value = vars.get(m.group(1));
        if (++expansions > budgets.expansions()) {
          throw new OverBudget(
              "more than " + budgets.expansions() + " variable references are expanded");
        }
        int added = value == null ? 0 : value.length();
        budget(b.length() + added, added);
        // Unknown references are parked under control characters so they are not matched again.
        m.appendReplacement(
            b, Matcher.quoteReplacement(value != null ? value : "\u0001" + m.group(1) + "\u0002"));
        any = true;
      }
      m.appendTail(b);
      current = b.toString();
      if (!any) {
        break;
      }
    }
    return current.replace("\u0001", "${").replace("\u0002", "}");
  }

  /**
   * A repository-relative path for a CMake path argument, or null when it leaves the repository or
   * does not exist.
   */
  private String resolvePath(String path, String dir) {
    String root = files.root().toString();
    String rel;
    if (path.startsWith("/")) {
      if (!path.equals(root) && !path.startsWith(root + "/")) {
        return null;
      }
      rel = path.equals(root) ? "." : path.substring(root.length() + 1);
    } else {
      rel = RepoFiles.join(dir, path);
    }
    String normalized = RepoFiles.normalize(rel);
    if (normalized == null || !files.isDirectory(normalized) && !files.isFile(normalized)) {
      return null;
    }
    return normalized;
  }

  private String relativeToProject(String dir) {
    if (projectDir.equals(".")) {
      return dir;
    }
    return dir.startsWith(projectDir + "/") ? dir.substring(projectDir.length() + 1) : dir;
  }
}
