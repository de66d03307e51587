#!/usr/bin/env python3
"""nixmigrate's field trial: real published projects, migrated and built the way CI would.

For each project in fieldtest/projects.json the trial fetches the pinned source through its
registry's own client (cached outside the repository, checked by sha256), makes a fresh git
repository of it, and then:

  1. compares `nixmigrate detect --json` with fieldtest/expect/NAME.json (written by hand), walks
     the steps as `status` suggests, and takes steps 1 to 5 and the bot's merge requests with
     `--ci gitlab`, every GitLab file checked against GitLab's CI schema;
  2. runs `nixmigrate step 2`, does the setup the generated CI workflow stands for and runs the
     generated justfile's `build`, `test` and `lint` recipes;
  3. builds again from a second checkout sharing the compiler cache and reads its hit rate;
  4. runs `nixmigrate step 4`, evaluates every generated package and check against the stand-in
     nixpkgs, and replays the builder's commands with the tools here.

It writes fieldtest/results.json and docs/field-trial.md (see fieldtest/README.md).
Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from gitlab_standin import GitLabStandIn

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HOME = Path(os.environ.get("NIXMIGRATE_FIELDTRIAL_HOME", Path.home() / ".cache" / "nixmigrate-fieldtrial"))
JAR = Path(os.environ.get("NIXMIGRATE_JAR", REPO / "migrate" / "target" / "nixmigrate.jar"))
RECIPES = ("build", "test", "lint")
PY_HERE = "3.11"  # the only CPython this machine has (setup-python stands for it)


def log(*a):
    print("[fieldtrial]", *a, flush=True)


# ---------------------------------------------------------------- running commands


class Run:
    def __init__(self, code: int, out: str, seconds: float):
        self.code, self.out, self.seconds = code, out, seconds

    @property
    def ok(self) -> bool:
        return self.code == 0


def run(cmd, cwd=None, env=None, timeout=1800, logfile: Path | None = None) -> Run:
    """Runs cmd (list, or str for bash), output merged; never raises on failure."""
    start = time.monotonic()
    shell = isinstance(cmd, str)
    try:
        p = subprocess.run(
            cmd if not shell else ["bash", "-c", cmd],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, timeout=timeout)
        r = Run(p.returncode, p.stdout.decode("utf-8", "replace"), time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        r = Run(124, out + f"\n[fieldtrial] timed out after {timeout}s", time.monotonic() - start)
    except OSError as e:
        r = Run(127, f"[fieldtrial] cannot run {cmd}: {e}", time.monotonic() - start)
    if logfile:
        with open(logfile, "a", encoding="utf-8") as f:
            f.write(f"\n$ {cmd if shell else ' '.join(map(str, cmd))}  (cwd={cwd})\n{r.out}\n[exit {r.code}, {r.seconds:.1f}s]\n")
    return r


# The first line that reports the failure: compiler, CMake, cargo, pytest and pip errors first,
# then anything that looks like one. Progress and echo lines (ninja's [n/m], CMake's "-- ",
# just's recipe lines) are never taken.
STRONG_ERROR_RX = re.compile(r"^(error|ERROR|Error)\b|: (fatal )?error:|CMake Error|Traceback|panicked at|"
                             r"ModuleNotFoundError")
MIDDLE_ERROR_RX = re.compile(r"^FAILED:|^E   |No such file or directory|not found$")
WEAK_ERROR_RX = re.compile(r"(error|Error|ERROR|FAILED|FAIL:|failed|cannot|Could not|fatal)")
NOISE_RX = re.compile(r"^(\[\d+/\d+\]|-- |just |\$ |warning: spurious|\[fieldtrial\] cannot run)")


WORK_PATH_RX = re.compile(r"/\S*?/work/[^/\s]+/(?:repo|checkout-warm)/")


def first_error(out: str) -> str:
    lines = [ln.strip() for ln in out.splitlines() if ln.strip() and not NOISE_RX.match(ln.strip())]
    for rx in (STRONG_ERROR_RX, MIDDLE_ERROR_RX, WEAK_ERROR_RX):
        for ln in lines:
            if rx.search(ln):
                return WORK_PATH_RX.sub("", ln)[:240]
    return (lines[-1] if lines else "")[:240]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- fetching


def fetch(p: dict) -> Path:
    """The pinned artifact, downloaded through the registry's client into the cache; checked."""
    d = HOME / "downloads" / p["source"]
    d.mkdir(parents=True, exist_ok=True)
    target = d / p["file"]
    if not target.exists():
        if p["source"] == "pypi":
            r = run(["pip", "download", "-q", "--no-binary", ":all:", "--no-deps",
                     f"{p['package']}=={p['version']}", "-d", str(d)], timeout=1200)
        elif p["source"] == "crates":
            r = fetch_crate(p, d)
        elif p["source"] == "debian":
            # The Debian packaging (debian.tar) is not needed, and may be missing from the mirror:
            # only the upstream tarball is kept, so apt's exit code alone does not decide.
            r = run(["apt-get", "source", "--download-only", "-q", f"{p['package']}={p['version']}"],
                    cwd=d, timeout=1200)
        else:
            raise SystemExit(f"unknown source {p['source']}")
        if not target.exists():
            raise FetchError(f"{p['name']}: {p['file']} not downloaded: {first_error(r.out)}")
    got = sha256(target)
    if got != p["sha256"]:
        raise FetchError(f"{p['name']}: sha256 {got} != pinned {p['sha256']}")
    return target


def fetch_crate(p: dict, d: Path) -> Run:
    """cargo itself fetches the .crate: a throwaway manifest that depends on exactly that version."""
    m = HOME / "crate-manifests" / f"{p['package']}-{p['version']}"
    (m / "src").mkdir(parents=True, exist_ok=True)
    (m / "src" / "lib.rs").write_text("")
    (m / "Cargo.toml").write_text(
        '[package]\nname = "fieldtrial-fetch"\nversion = "0.0.0"\nedition = "2021"\n[workspace]\n'
        f'[dependencies]\n{p["package"]} = {{ version = "={p["version"]}", default-features = false }}\n')
    r = run(["cargo", "fetch", "--manifest-path", str(m / "Cargo.toml")], timeout=1200)
    cargo_home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    for c in (cargo_home / "registry" / "cache").glob(f"*/{p['file']}"):
        shutil.copy(c, d / p["file"])
        break
    return r


class FetchError(Exception):
    pass


CI_FILES = (".github", ".gitlab-ci.yml", ".travis.yml", ".circleci", "appveyor.yml", ".appveyor.yml",
            "azure-pipelines.yml", ".cirrus.yml", ".builds", "debian", ".gitlab")


def debian_sources() -> None:
    """Source lines (deb-src) for the Debian mirror and suites this machine already uses, plus the
    next release for the rows pinned to it; root only."""
    conf = Path("/etc/apt/sources.list.d/nixmigrate-fieldtrial-src.sources")
    if conf.exists() or os.getuid() != 0:
        return
    uri = None
    for f in [Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list")]:
        m = re.search(r"(?:URIs:|deb)\s+(\S+/debian)\b", f.read_text()) if f.exists() else None
        if m:
            uri = m[1]
            break
    if uri is None:
        log("no Debian mirror in the apt sources: no source lines added")
        return
    conf.write_text(f"Types: deb-src\nURIs: {uri}\nSuites: bookworm trixie\nComponents: main\n"
                    "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
    run(["apt-get", "update", "-q"], timeout=1200)


def install_runner(packages: list[str]) -> None:
    """The runner image's packages (projects.json "runner"), with apt-get; root only."""
    if os.getuid() != 0:
        log("not root: the runner packages are not installed:", " ".join(packages))
        return
    r = run(["apt-get", "install", "-y", "-q", *packages], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
            timeout=1800)
    if not r.ok:
        raise SystemExit(f"fieldtrial: apt-get install: {first_error(r.out)}")


def fresh_repo(p: dict, artifact: Path, repo: Path) -> None:
    """The unpacked source as a new git repository with one commit and no CI of its own."""
    if repo.exists():
        shutil.rmtree(repo)
    tmp = repo.parent / "unpack"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    with tarfile.open(artifact) as t:
        t.extractall(tmp, filter="tar")
    tops = [x for x in tmp.iterdir()]
    src = tops[0] if len(tops) == 1 and tops[0].is_dir() else tmp
    shutil.move(str(src), str(repo))
    shutil.rmtree(tmp, ignore_errors=True)
    # Tarballs carry their authors' uids; git (and the tools that call it) want the tree to be ours.
    for dirpath, dirnames, filenames in os.walk(repo):
        for n in [dirpath, *(os.path.join(dirpath, x) for x in dirnames + filenames)]:
            os.lchown(n, os.getuid(), os.getgid())
    for name in CI_FILES:
        f = repo / name
        if f.is_dir():
            shutil.rmtree(f)
        elif f.exists():
            f.unlink()
    if p["source"] == "pypi":
        # What an sdist adds to the repository's files and a checkout does not have; the
        # version it carries comes from the tag below, as in the project's own repository.
        for meta in [repo / "PKG-INFO", *repo.glob("*.egg-info"), *repo.glob("src/*.egg-info")]:
            shutil.rmtree(meta) if meta.is_dir() else meta.unlink()
    git(repo, "init", "-q", "-b", "main")
    # A clone knows where it came from; the project's upstream URL, never fetched from here.
    git(repo, "remote", "add", "origin", p["remote"])
    git(repo, "add", "-A", "-f")
    git(repo, "commit", "-q", "-m", f"{p['name']} {p['version']} as published")
    git(repo, "tag", f"v{p['version'].split(':')[-1].split('-')[0].split('+')[0]}")


def git(repo: Path, *args) -> Run:
    env = dict(os.environ, GIT_AUTHOR_NAME="fieldtrial", GIT_AUTHOR_EMAIL="fieldtrial@invalid",
               GIT_COMMITTER_NAME="fieldtrial", GIT_COMMITTER_EMAIL="fieldtrial@invalid")
    # No automatic gc: after a large first commit (libgit2's) git starts one in the background,
    # which packs the loose objects while a clone made next is copying them.
    r = run(["git", "-c", "gc.auto=0", *args], cwd=repo, env=env, timeout=600)
    if not r.ok:
        raise RuntimeError(f"git {' '.join(args)} in {repo}: {r.out}")
    return r


def nixmigrate(args, logfile=None, timeout=600, env=None) -> Run:
    # The JIT's first tier only: each run lasts a second or two, which the later tiers' compiling
    # costs more than it saves (a step took half the time on this machine).
    return run(["java", "-XX:TieredStopAtLevel=1", "-jar", str(JAR), *args], timeout=timeout, logfile=logfile,
               env=env)


# ---------------------------------------------------------------- 1: detection


def detected_facts(proj: dict) -> dict:
    """One detected project reduced to the facts the expectations name."""
    py, rs, cm = proj.get("python"), proj.get("rust"), proj.get("cmake")
    version = None
    libs: list[str] = []
    runner = None
    if py:
        version = py.get("version")
        runner = py.get("testRunner")
    if rs:
        pk = [x for x in rs.get("packages", []) if x.get("path") == "."] or rs.get("packages", [])
        version = version or (pk[0].get("version") if pk else None)
        libs += [s if isinstance(s, str) else s.get("name", str(s)) for s in rs.get("sysCrates", [])]
        runner = runner or "cargo test"
    if cm:
        version = version or cm.get("version")
        libs += cm.get("packages", []) + cm.get("pkgConfigModules", [])
        runner = runner or ("ctest" if cm.get("tests") else None)
    nb = proj.get("nativeBuild")
    if nb:
        version = version or nb.get("version")
        runner = runner or nb.get("testCommand")
    return {"path": proj.get("path"), "language": sorted(proj.get("language", [])),
            "name": proj.get("name"), "version": version,
            "systemLibraries": sorted({x.lower() for x in libs}), "testRunner": runner}


def score_detection(detected: dict | None, expect: dict) -> dict:
    facts: list[tuple[str, bool, str]] = []
    got = {} if detected is None else {x["path"]: detected_facts(x) for x in detected.get("projects", [])}
    want = {x["path"]: x for x in expect["projects"]}
    langs_want = sorted({lang for x in want.values() for lang in x["language"]})
    langs_got = sorted({lang for x in got.values() for lang in x["language"]})
    facts.append(("languages", langs_want == langs_got, f"{langs_got} (expected {langs_want})"))
    facts.append(("number of projects", len(got) == len(want), f"{len(got)} (expected {len(want)})"))
    for path, w in want.items():
        g = got.get(path)
        facts.append((f"project {path}", g is not None, "found" if g else "not detected"))
        for key in ("language", "name", "version", "systemLibraries", "testRunner"):
            if key not in w:
                continue
            wv = w[key]
            gv = None if g is None else g[key]
            if key == "language":
                wv = sorted(wv)
            if key == "systemLibraries":
                wv = sorted({x.lower() for x in wv})
            facts.append((f"{path} {key}", g is not None and gv == wv, f"{gv!r} (expected {wv!r})"))
    for path in sorted(set(got) - set(want)):
        facts.append((f"extra project {path}", False, f"detected {got[path]['name']!r}, not a project"))
    right = sum(1 for _, ok, _ in facts if ok)
    return {"right": right, "total": len(facts),
            "wrong": [f"{k}: {why}" for k, ok, why in facts if not ok]}


# ---------------------------------------------------------------- 2: CI setup and recipes


class Machine:
    """The tools a CI runner's setup actions stand for, installed here (outside the repository)."""

    def __init__(self):
        self.venv = HOME / "tools"
        self.bin = HOME / "tools-bin"

    def setup(self, pins: dict) -> None:
        """Each tool in a venv of its own, as pipx would install it (their dependencies clash)."""
        self.bin.mkdir(parents=True, exist_ok=True)
        for tool, reqs in pins.items():
            venv = self.venv / tool
            if not (venv / "bin" / "python").exists():
                run([sys.executable, "-m", "venv", str(venv)], timeout=600)
            have = run([str(venv / "bin" / "pip"), "freeze"]).out.lower()
            if any(r.lower() not in have for r in reqs):
                r = run([str(venv / "bin" / "pip"), "install", "-q", *reqs], timeout=1800)
                if not r.ok:
                    raise SystemExit(f"fieldtrial: cannot install {reqs}: {first_error(r.out)}")
            for exe in (tool, "uvx") if tool == "uv" else (tool,):
                link = self.bin / exe
                if link.is_symlink() or link.exists():
                    link.unlink()
                link.symlink_to(venv / "bin" / exe)
        just = shutil.which("just") or str(REPO / "tools" / "node_modules" / ".bin" / "just")
        if not Path(just).exists():
            run(["npm", "install", "--prefix", str(REPO / "tools"), "--no-audit", "--no-fund", "--no-save"],
                timeout=1200)
        # Always this checkout's just: a link left by an earlier checkout may point nowhere now.
        link = self.bin / "just"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(Path(just).resolve())

    def env(self, work: Path, pyvenv: Path) -> dict:
        env = dict(os.environ)
        env["PATH"] = os.pathsep.join([str(pyvenv / "bin"), str(self.bin), env.get("PATH", "")])
        env["VIRTUAL_ENV"] = str(pyvenv)
        env["CI"] = "true"
        env["CCACHE_DIR"] = str(work / "ccache")
        env["SCCACHE_DIR"] = str(work / "sccache")
        env["SCCACHE_SERVER_PORT"] = os.environ.get("NIXMIGRATE_FIELDTRIAL_SCCACHE_PORT", "4227")
        env["UV_PYTHON_DOWNLOADS"] = "never"
        env.pop("PYTHONPATH", None)
        return env


def workflow_setup(ci_text: str) -> dict:
    """What the generated workflow asks a runner for: actions used, system packages, tools, Pythons."""
    uses = sorted(set(re.findall(r"uses:\s*([\w.-]+/[\w.-]+)", ci_text)))
    apt = []
    for m in re.finditer(r"apt-get install\s+(.*)", ci_text):
        # a GitLab script line is a quoted YAML scalar: its closing quote is not a package
        apt += [w.strip("'\"") for w in m.group(1).split() if not w.startswith("-")]
    tools = re.findall(r"pipx install\s+([A-Za-z][\w.-]*)", ci_text)
    pythons = re.findall(r"python-version:\s*\[([^\]]*)\]", ci_text)
    versions = sorted({v.strip().strip("'\"") for group in pythons for v in group.split(",") if v.strip()})
    brew = re.findall(r"brew install\s+(.*)", ci_text)
    return {"uses": uses, "apt": sorted(set(apt)), "tools": sorted(set(tools)), "pythons": versions,
            "brew": brew}


PYTEST_SUMMARY_RX = re.compile(r"^=*\s*((?:\d+ (?:passed|failed|skipped|errors?|deselected|xfailed|xpassed|"
                               r"warnings?)(?:, )?)+) in [\d.]+s", re.M)
TEST_COUNT_RX = [
    (re.compile(r"test result: \w+\. (\d+) passed; (\d+) failed"), lambda m: int(m[1]) + int(m[2])),
    (re.compile(r"tests passed, \d+ tests failed out of (\d+)"), lambda m: int(m[1])),
    (PYTEST_SUMMARY_RX, lambda m: sum(int(n) for n, what in re.findall(r"(\d+) (\w+)", m[1])
                                      if what in ("passed", "failed"))),
    (re.compile(r"^Ran (\d+) tests? in", re.M), lambda m: int(m[1])),
    (re.compile(r"^Ok:\s+(\d+)", re.M), lambda m: int(m[1])),  # meson test
    (re.compile(r"^(?:\w+: )?(\d+) passed, (\d+) failed(?:, \d+ skipped)?$", re.M), lambda m: int(m[1]) + int(m[2])),
]


# Downloads from outside the package registries (this machine reaches PyPI, the crate registry
# and Debian only): a recipe that fails on one of these is skipped with the reason, not counted as failing.
# Poetry's resolver reads PyPI's JSON API (/pypi/NAME/VERSION/json), which the PyPI mirror here
# does not serve (404): its "Package X (V) not found" is that, not a missing package. The crate
# registry's index here is a snapshot: a lock file newer than it names versions it does not hold.
UNREACHABLE_RX = re.compile(r"git\+https://github\.com/[\w./-]+|Could not resolve host: [\w.-]+|"
                            r"failed to resolve address for [\w.-]+|file DOWNLOAD HASH mismatch|"
                            r"failed to (?:clone|fetch) .*?github\.com[\w./-]*|"
                            r"Package [\w.-]+ \([\w.]+\) not found|"
                            r"could not find `[\w-]+@[\w.+-]+` in registry|"
                            r"failed to select a version for the requirement `[^`]+` \(locked to [\w.+-]+\)")


# What a published source leaves out and the repository has: Debian's "+ds" tarballs strip
# vendored libraries (googletest, fmt, http-parser), and a crate leaves out files outside its
# folder. A recipe that fails only because such a file is missing is skipped with the path, after
# the trial has checked that the path really is missing from the source and belongs to the
# project (a missing system header is nixmigrate's failure, not this).
MISSING_OWN_FILE_RX = [
    re.compile(r"couldn't read `([^`]+)`: No such file or directory"),  # include_bytes!/include_str!
    re.compile(r'add_subdirectory given source\s+"([^"]+)"\s+which is not an\s+existing\s+directory'),
    re.compile(r"fatal error: ([\w.+-]+/[\w./+-]+\.h(?:pp)?): No such file or directory"),
]


def missing_own_file(out: str, repo: Path) -> str | None:
    """The project's own file the output says is missing, when it is missing from repo."""
    for rx in MISSING_OWN_FILE_RX:
        for m in rx.finditer(out):
            missing = m[1]
            path = Path(missing)
            if path.is_absolute():
                try:
                    path = path.resolve().relative_to(repo.resolve())
                except ValueError:
                    continue
            if rx is MISSING_OWN_FILE_RX[2]:
                # An #include "dir/…/file.h": the project's own when its folder is in the tree.
                parent = path.parent.parent if len(path.parts) > 2 else path.parent
                own = any(d.is_dir() for d in repo.glob(f"**/{parent}") if ".git" not in d.parts)
                if not own or any(repo.glob(f"**/{path}")):
                    continue
            else:
                if (repo / path).exists():
                    continue
                if rx is MISSING_OWN_FILE_RX[0]:
                    # include_bytes!("../../assets/x") is relative to the source file: resolve it
                    # against every folder and make sure none has it.
                    name = path.name
                    if any(repo.rglob(name)):
                        continue
            return missing
    return None


# A system library this machine's Debian has in an older version than the project asks for
# (librsvg wants cairo >= 1.18; Debian 12 has 1.16, Ubuntu 24.04 runners have 1.18): the
# machine's limit, checked with pkg-config, not nixmigrate's.
PKG_CONFIG_AT_LEAST_RX = re.compile(r"pkg-config --libs --cflags (\S+) (?:\1 )?>= ([\d.]+)")


def older_here(out: str, env: dict) -> str | None:
    for m in PKG_CONFIG_AT_LEAST_RX.finditer(out):
        module, wanted = m[1], m[2]
        r = run(["pkg-config", "--modversion", module], env=env, timeout=60)
        have = r.out.strip() if r.ok else ""
        if have and version_tuple(have) < version_tuple(wanted):
            return f"{module} >= {wanted}; this machine's Debian has {have}"
    return None


def skip_reason(out: str, repo: Path, env: dict) -> str | None:
    """Why a failure is this machine's or the published source's and not the generated files' (the
    rules in fieldtest/README.md, each checked), or None."""
    unreachable = UNREACHABLE_RX.search(out)
    if unreachable:
        return f"needs a download this machine cannot reach ({unreachable[0]})"
    missing = missing_own_file(out, repo)
    if missing:
        return f"the published source leaves out {missing}, which the repository has"
    older = older_here(out, env)
    return f"needs {older}" if older else None


def version_tuple(v: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


# make has no common test report: a test target that ran commands and exited 0 counts as one.
MAKE_TEST_RX = re.compile(r"^make(?:\[\d+\])?: Nothing to be done for '(?:test|check)'", re.M)


def tests_ran(out: str) -> int:
    n = 0
    for rx, count in TEST_COUNT_RX:
        for m in rx.finditer(out):
            n += count(m)
    return n


def make_test_target(repo: Path) -> bool:
    """Whether the justfile's test recipe is `make test` or `make check`."""
    jf = repo / "justfile"
    return jf.exists() and re.search(r"^\s+make (?:test|check)\b", jf.read_text(), re.M) is not None


def just_recipes(repo: Path) -> set[str]:
    jf = repo / "justfile"
    if not jf.exists():
        return set()
    # `name:`, `name: deps` or `name param="default":`; not `x := value` assignments
    return set(re.findall(r"^@?([A-Za-z_][\w-]*)(?:\s+[^:\n]*)?:(?!=)", jf.read_text(), re.M))


def run_recipes(p: dict, repo: Path, work: Path, machine: Machine, setup: dict, logf: Path,
                timeout: int) -> dict:
    results: dict[str, dict] = {}
    skip = None
    if "actions/setup-python" in setup["uses"] and setup["pythons"] and PY_HERE not in setup["pythons"]:
        skip = f"CI asks for Python {', '.join(setup['pythons'])}; only {PY_HERE} can be installed here"
    pyvenv = work / "python"
    if not pyvenv.exists():
        run([sys.executable, "-m", "venv", str(pyvenv)], timeout=600, logfile=logf)
    env = machine.env(work, pyvenv)
    for pkg in setup["apt"]:
        r = run(["apt-get", "install", "-y", "-q", pkg], env=env, timeout=1200, logfile=logf)
        if not r.ok:
            results["setup"] = {"status": "fail", "error": f"apt-get install {pkg}: {first_error(r.out)}"}
    for tool in setup["tools"]:
        if not (machine.bin / tool).exists() and not (pyvenv / "bin" / tool).exists():
            run([str(pyvenv / "bin" / "pip"), "install", "-q", tool], env=env, timeout=1200, logfile=logf)
    have = just_recipes(repo)
    tool = cache_tool(repo)
    if tool:  # the build recipe is the cold build of the cache check: it starts from an empty cache
        cache_reset(tool, env, Path(env["CCACHE_DIR"] if tool == "ccache" else env["SCCACHE_DIR"]))
    for recipe in RECIPES:
        if skip:
            results[recipe] = {"status": "skip", "error": skip}
            continue
        if recipe not in have:
            if recipe == "test" and p.get("no_tests"):
                results[recipe] = {"status": "skip", "error": "the published source has no tests"}
            else:
                results[recipe] = {"status": "fail", "error": f"the justfile has no `{recipe}` recipe"}
            continue
        r = run(["just", recipe], cwd=repo, env=env, timeout=timeout, logfile=logf)
        res = {"status": "pass" if r.ok else "fail", "seconds": round(r.seconds, 1)}
        if recipe == "build" and tool:
            res["cache"] = dict(zip(("hits", "misses"), cache_stats(tool, env)))
        if not r.ok:
            res["error"] = first_error(r.out)
            why = skip_reason(r.out, repo, env)
            if why:
                res.update(status="skip", error=f"{why}; " + res["error"])
        if recipe == "test":
            n = tests_ran(r.out)
            if n == 0 and r.ok and make_test_target(repo) and not MAKE_TEST_RX.search(r.out):
                n = 1
                res["note"] = "make's test target ran and passed; make has no test count"
            res["tests"] = n
            if r.ok and n == 0:
                res.update(status="skip" if p.get("no_tests") else "fail",
                           error="the published source has no tests" if p.get("no_tests") else "exit 0 but no test ran")
        results[recipe] = res
    return results


# ---------------------------------------------------------------- 3: compiler cache


def cache_tool(repo: Path) -> str | None:
    jf = repo / "justfile"
    text = jf.read_text() if jf.exists() else ""
    if "sccache" in text:
        return "sccache"
    if "ccache" in text:
        return "ccache"
    return None


def cache_stats(tool: str, env: dict) -> tuple[int, int]:
    if tool == "ccache":
        out = run(["ccache", "--print-stats"], env=env).out
        vals = dict(ln.split("\t", 1) for ln in out.splitlines() if "\t" in ln)
        hits = int(vals.get("direct_cache_hit", 0)) + int(vals.get("preprocessed_cache_hit", 0))
        return hits, int(vals.get("cache_miss", 0))
    out = run(["sccache", "--show-stats"], env=env).out

    def num(label):
        m = re.search(rf"^{label}\s+(\d+)", out, re.M)
        return int(m[1]) if m else 0
    return num("Cache hits"), num("Cache misses")


def cache_reset(tool: str, env: dict, wipe: Path | None) -> None:
    if tool == "sccache":
        run(["sccache", "--stop-server"], env=env)
    if wipe is not None and wipe.exists():
        shutil.rmtree(wipe)
    if tool == "sccache":
        run(["sccache", "--start-server"], env=env)
        run(["sccache", "--zero-stats"], env=env)
    else:
        run(["ccache", "--zero-stats"], env=env)


def check_cache(repo: Path, work: Path, machine: Machine, recipes: dict, logf: Path, timeout: int) -> dict:
    """A second build from a second checkout in another folder, sharing the compiler cache that the
    recipes of the cold run filled. The build recipe is measured; where it compiles nothing (a pure
    wheel whose test recipe builds the test modules with CMake), the test recipe is."""
    tool = cache_tool(repo)
    if tool is None:
        return {"status": "n/a", "note": "the justfile wires no compiler cache"}
    env = machine.env(work, work / "python")
    res: dict = {}
    for recipe in ("build", "test"):
        if recipes.get(recipe, {}).get("status") != "pass":
            break
        cold_s = sum(recipes[r]["seconds"] for r in ("build", "test")[: 1 + (recipe == "test")])
        clone = work / "checkout-warm"
        if clone.exists():
            shutil.rmtree(clone)
        run(["git", "clone", "-q", str(repo), str(clone)], timeout=600, logfile=logf)
        cache_reset(tool, env, None)
        r = run(["just", recipe], cwd=clone, env=env, timeout=timeout, logfile=logf)
        hits, misses = cache_stats(tool, env)
        if tool == "sccache":
            run(["sccache", "--stop-server"], env=env)
        shutil.rmtree(clone, ignore_errors=True)
        if not r.ok:
            return {"status": "fail", "tool": tool, "recipe": recipe, "error": f"warm {recipe}: {first_error(r.out)}"}
        total = hits + misses
        res = {"tool": tool, "recipe": recipe, "hits": hits, "misses": misses,
               "hit_rate": round(hits / total, 3) if total else None,
               "cold_s": round(cold_s, 1), "warm_s": round(r.seconds, 1),
               "warm_cold_ratio": round(r.seconds / cold_s, 2) if cold_s else None}
        res["status"] = "pass" if total and hits / total >= 0.5 else "fail"
        if total:
            break
        res["error"] = "the compiler cache saw no compilation"
    return res


# ---------------------------------------------------------------- 4: Nix package contract


class StandIn:
    """nixmigrate's test stand-in for nixpkgs, written by its own test code (see README)."""

    def __init__(self):
        self.dir = HOME / "stand-in"

    def write(self) -> None:
        classes = REPO / "generators" / "target" / "test-classes"
        if not (classes / "dev" / "nixmigrate" / "generators" / "StandInNixpkgs.class").exists():
            raise SystemExit("fieldtrial: build the test classes first (mvn package -DskipTests)")
        if self.dir.exists():
            shutil.rmtree(self.dir)
        r = run(["java", "-cp", f"{JAR}{os.pathsep}{classes}", str(HERE / "StandIn.java"), str(self.dir)])
        if not r.ok:
            raise SystemExit(f"fieldtrial: stand-in nixpkgs: {r.out}")

    def eval(self, repo: Path, attr: str, apply: str | None = None, logf=None) -> Run:
        cmd = ["nix", "--extra-experimental-features", "nix-command flakes", "eval", "--json",
               "--no-write-lock-file", "--override-input", "nixpkgs", f"path:{self.dir / 'nixpkgs'}"]
        if "rust-overlay" in (repo / "flake.nix").read_text():
            cmd += ["--override-input", "rust-overlay", f"path:{self.dir / 'rust-overlay'}"]
        if apply:
            cmd += ["--apply", apply]
        cmd.append(f"path:{repo}#{attr}")
        return run(cmd, timeout=600, logfile=logf)


SYSTEM = "x86_64-linux"


def check_nix(repo: Path, standin: StandIn, logf: Path) -> dict:
    res: dict = {"packages": {}, "checks": {}}
    if not (repo / "flake.nix").exists():
        return {"status": "fail", "error": "step 4 wrote no flake.nix"}
    for kind in ("packages", "checks"):
        names = standin.eval(repo, f"{kind}.{SYSTEM}", "builtins.attrNames", logf)
        if not names.ok:
            res[kind]["(all)"] = {"status": "fail", "error": first_error(names.out)}
            continue
        for name in json.loads(names.out.strip().splitlines()[-1]):
            e = standin.eval(repo, f"{kind}.{SYSTEM}.{name}.drvPath", None, logf)
            res[kind][name] = {"status": "pass"} if e.ok else {"status": "fail", "error": first_error(e.out)}
    evals = [v for k in ("packages", "checks") for v in res[k].values()]
    res["status"] = "pass" if evals and all(v["status"] == "pass" for v in evals) else "fail"
    if not res["packages"]:
        res["status"], res["error"] = "fail", "the flake has no packages"
    return res


def nix_strings(text: str, key: str) -> list[str]:
    """Items of `key = [ ... ];` in a generated Nix file (attribute paths and strings)."""
    out = []
    for m in re.finditer(rf"\b{key}\s*=\s*(?:with [\w.]+;\s*)?\[(.*?)\];", text, re.S):
        out += re.findall(r'"((?:[^"\\]|\\.)*)"|([\w.+-]+)', m[1])
    return [a or b for a, b in out]


def replay_builder(p: dict, repo: Path, work: Path, machine: Machine, logf: Path, timeout: int) -> dict:
    """The builder's own commands with the tools here, from what the generated flake names."""
    texts = [f.read_text() for f in [repo / "flake.nix", *sorted((repo / "nix").glob("*.nix"))] if f.exists()]
    text = "\n".join(texts)
    env = machine.env(work, work / "python")
    if "buildRustPackage" in text:
        return replay_rust(repo, work, env, text, logf, timeout)
    if "buildPythonPackage" in text:
        res = replay_python(repo, work, env, text, logf, timeout)
        if p.get("no_tests") and res.get("tests") == 0:
            res.update(status="skip", error="the published source has no tests")
        return res
    if "mkDerivation" in text:
        # The default package (the first) decides which builder's commands are replayed.
        first = re.search(r"= pkgs\.stdenv\.mkDerivation \{\n(.*?)\n\s*\};", text, re.S)
        block = first[1] if first else text
        if "pkgs.cmake" in block:
            return replay_cmake(repo, work, env, text, logf, timeout)
        replay = replay_meson if "pkgs.meson" in block else replay_make
        return replay(repo, work, env, block, logf, timeout)
    return {"status": "n/a", "note": "no builder the trial knows"}


def replay_rust(repo, work, env, text, logf, timeout) -> dict:
    m = re.search(r'lockFile\s*=\s*(?:\./|\.\./)?([^;\s]*Cargo\.lock)', text)
    lock = repo / (m[1] if m else "Cargo.lock")
    if not lock.exists():
        return {"status": "fail", "error": "no Cargo.lock for cargoLock.lockFile"}
    src = lock.parent
    r = run(["cargo", "vendor", "--locked", str(work / "vendor")], cwd=src, env=env, timeout=timeout, logfile=logf)
    if not r.ok:
        return replay_failure("cargo vendor", r.out, src, env)
    cfg = src / ".cargo"
    cfg.mkdir(exist_ok=True)
    (cfg / "config.toml").write_text(
        '[source.crates-io]\nreplace-with = "vendored"\n'
        f'[source.vendored]\ndirectory = "{work / "vendor"}"\n')
    r = run(["cargo", "build", "--release", "--frozen", "--target-dir", str(work / "nix-target")],
            cwd=src, env=env, timeout=timeout, logfile=logf)
    shutil.rmtree(cfg, ignore_errors=True)
    steps = {"steps": "cargo build --release --frozen (vendored lock)"}
    return {"status": "pass", **steps} if r.ok else {**replay_failure("cargo build", r.out, src, env), **steps}


def replay_cmake(repo, work, env, text, logf, timeout) -> dict:
    flags = [f for f in nix_strings(text, "cmakeFlags") if f.startswith("-D")]
    b, prefix = work / "nix-build", work / "nix-prefix"
    for d in (b, prefix):
        shutil.rmtree(d, ignore_errors=True)
    env = {k: v for k, v in env.items() if not k.startswith("CMAKE_") or "LAUNCHER" not in k}
    steps = [["cmake", "-S", str(repo), "-B", str(b), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
              f"-DCMAKE_INSTALL_PREFIX={prefix}", *flags],
             ["ninja", "-C", str(b)], ["ninja", "-C", str(b), "install"],
             ["ctest", "--test-dir", str(b), "--output-on-failure"]]
    for s in steps:
        r = run(s, cwd=repo, env=env, timeout=timeout, logfile=logf)
        if not r.ok:
            return replay_failure(f"{s[0]} {s[-1]}" if s[0] == "ninja" else s[0], r.out, repo, env)
    n = tests_ran(r.out)
    return {"status": "pass" if n else "fail", "tests": n, "cmakeFlags": flags,
            **({} if n else {"error": "ctest ran no test"})}


def install_phase(text: str) -> str | None:
    """The generated installPhase's shell (it copies what the build made), or None."""
    m = re.search(r"installPhase = ''\n(.*?)\n\s*'';", text, re.S)
    return None if not m else "\n".join(line.strip() for line in m[1].splitlines()).replace("''$", "$")


def run_phases(steps, cwd, env, logf, timeout, install_sh, prefix, top) -> dict | None:
    """Runs each command (or, for the install step, the generated installPhase) and stops at the
    first failure, which it returns as a result row."""
    for s in steps:
        if s == "install-phase":
            s = ["bash", "-euc", "runHook() { :; }\n" + install_sh]
            r = run(s, cwd=cwd, env=dict(env, out=str(prefix), NIX_BUILD_TOP=str(top)), timeout=timeout, logfile=logf)
        else:
            r = run(s, cwd=cwd, env=env, timeout=timeout, logfile=logf)
        if not r.ok:
            return replay_failure(" ".join(s[:3]), r.out, cwd, env)
    return None


def replay_failure(what: str, out: str, repo: Path, env: dict) -> dict:
    """A failed replay step: a skip when a rule of skip_reason says the cause is this machine or the
    published source, as for the recipes; a failure otherwise."""
    error = f"{what}: {first_error(out)}"
    why = skip_reason(out, repo, env)
    return {"status": "skip", "error": f"{why}; {error}"} if why else {"status": "fail", "error": error}


def replay_meson(repo, work, env, text, logf, timeout) -> dict:
    """mesonConfigurePhase's flags (pkgs/by-name/me/meson/setup-hook.sh), ninja, meson test, then
    meson install or the generated installPhase."""
    b, prefix = work / "nix-build", work / "nix-prefix"
    for d in (b, prefix):
        shutil.rmtree(d, ignore_errors=True)
    install_sh = install_phase(text)
    setup = ["meson", "setup", str(b), f"--prefix={prefix}", "--buildtype=plain",
             "-Dauto_features=enabled", "-Dwrap_mode=nodownload"]
    top = work / "nix-top"
    top.mkdir(exist_ok=True)
    steps = [setup, ["touch", str(top / ".nixmigrate-before-build")], ["ninja", "-C", str(b)],
             ["touch", str(top / ".nixmigrate-after-build")]]
    err = run_phases(steps, repo, env, logf, timeout, install_sh, prefix, top)
    if err:
        return err
    r = run(["meson", "test", "-C", str(b), "--print-errorlogs"], cwd=repo, env=env, timeout=timeout, logfile=logf)
    if not r.ok:
        return replay_failure("meson test", r.out, repo, env)
    n = tests_ran(r.out)
    err = run_phases(["install-phase" if install_sh else ["meson", "install", "-C", str(b)]], b, env, logf,
                     timeout, install_sh, prefix, top)
    if err:
        return err
    installed = prefix.exists() and any(prefix.iterdir())
    ok = bool(n) and installed
    return {"status": "pass" if ok else "fail", "tests": n, "steps": "meson setup (nixpkgs' flags), ninja, meson test, install",
            **({} if ok else {"error": "meson test ran no test" if not n else "nothing was installed"})}


def replay_make(repo, work, env, text, logf, timeout) -> dict:
    """stdenv's generic phases (pkgs/stdenv/generic/setup.sh): make, make checkTarget, make install,
    all with makeFlags; or the generated installPhase."""
    prefix = work / "nix-prefix"
    shutil.rmtree(prefix, ignore_errors=True)
    # One Nix string a line; nix_strings would stop at the quotes inside ${placeholder "out"}.
    listed = re.search(r"makeFlags = \[\n(.*?)\n\s*\];", text, re.S)
    flags = [line.strip()[1:-1].replace('${placeholder "out"}', str(prefix))
             for line in (listed[1].splitlines() if listed else [])]
    m = re.search(r'checkTarget = "([\w.-]+)";', text)
    install_sh = install_phase(text)
    top = work / "nix-top"
    top.mkdir(exist_ok=True)
    # A copy, so that the replay's build does not leave objects in the trial's checkout.
    src = work / "nix-src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(repo, src, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    steps = [["touch", str(top / ".nixmigrate-before-build")], ["make", f"-j{os.cpu_count() or 1}", *flags],
             ["touch", str(top / ".nixmigrate-after-build")]]
    err = run_phases(steps, src, env, logf, timeout, install_sh, prefix, top)
    if err:
        return err
    n = 0
    if m:
        r = run(["make", *flags, "VERBOSE=y", m[1]], cwd=src, env=env, timeout=timeout, logfile=logf)
        if not r.ok:
            return replay_failure(f"make {m[1]}", r.out, src, env)
        n = max(tests_ran(r.out), 1)
    if not install_sh:
        prefix.mkdir(parents=True, exist_ok=True)
    err = run_phases(["install-phase" if install_sh else ["make", *flags, "install"]], src, env, logf, timeout,
                     install_sh, prefix, top)
    if err:
        return err
    installed = prefix.exists() and any(prefix.iterdir())
    ok = installed and (n or not m)
    return {"status": "pass" if ok else "fail", "tests": n, "makeFlags": flags,
            "steps": "make, make " + (m[1] if m else "(no check)") + ", install",
            **({} if ok else {"error": "nothing was installed"})}


def py_name(attr: str) -> str:
    return attr.split(".")[-1]


def bare_venv(path: Path, logf: Path) -> None:
    """A new venv holding pip alone (CPython 3.11's venv also brings setuptools, which would hide a
    build-system package the flake fails to name)."""
    shutil.rmtree(path, ignore_errors=True)
    run([sys.executable, "-m", "venv", str(path)], timeout=600, logfile=logf)
    run([str(path / "bin" / "pip"), "uninstall", "-q", "-y", "setuptools"], timeout=600, logfile=logf)


VERSION_HOOKS = {"hatch-vcs": "SETUPTOOLS_SCM_PRETEND_VERSION", "setuptools-scm": "SETUPTOOLS_SCM_PRETEND_VERSION",
                 "uv-dynamic-versioning": "UV_DYNAMIC_VERSIONING_BYPASS", "pdm-backend": "PDM_BUILD_SCM_VERSION"}


# A dependency on another package of the same flake: `self.packages.${system}.ATTR`.
SELF_PACKAGE = re.compile(r"self\.packages\.\$\{[^}]*\}\.([\w-]+)")


def python_block(text: str, attr: str | None = None) -> str | None:
    """The body of the flake's first buildPythonPackage call, or of the one bound to `attr`."""
    name = re.escape(attr) if attr else r"[\w-]+"
    m = re.search(rf"^\s*{name} = [\w.]+\.buildPythonPackage \{{\n(.*?)\n\s*\}};", text, re.S | re.M)
    return m[1] if m else None


def replay_python(repo, work, env, text, logf, timeout) -> dict:
    block = python_block(text) or text
    # The packages of the flake this one depends on are built from their own src, as Nix would.
    siblings = [a for a in SELF_PACKAGE.findall(block) if python_block(text, a)]
    own = SELF_PACKAGE.sub("", block)
    build_system = [py_name(a) for a in nix_strings(own, "build-system")]
    if "maturinBuildHook" in own:  # the hook is nixpkgs' way to build with maturin
        build_system.append("maturin")
    deps = [py_name(a) for a in nix_strings(own, "dependencies")]
    checks = [py_name(a) for a in nix_strings(own, "nativeCheckInputs") if "CheckHook" not in a]
    sibling_srcs = []
    for attr in siblings:
        sblock = python_block(text, attr)
        src = re.search(r"^\s*src = \./([^;]*);", sblock, re.M)
        sibling_srcs.append(repo / src[1] if src and src[1] else repo)
        build_system += [py_name(a) for a in nix_strings(sblock, "build-system")]
        deps += [py_name(a) for a in nix_strings(sblock, "dependencies")]
    version = re.search(r'^\s*version = "([^"]*)";', block, re.M)
    venv = work / "nix-venv"
    bare_venv(venv, logf)
    pip = str(venv / "bin" / "pip")
    env = dict(env, PATH=os.pathsep.join([str(venv / "bin"), env["PATH"]]), VIRTUAL_ENV=str(venv))
    # The setup hooks of these build-system packages export the derivation's version as the one git
    # would give (their setup-hook.sh in pkgs/development/python-modules/; hatch-vcs depends on
    # setuptools-scm).
    for pkg, var in VERSION_HOOKS.items():
        if pkg in build_system and version:
            env[var] = version[1]
    res = {"build-system": build_system, "dependencies": deps, "nativeCheckInputs": checks,
           **({"flake packages": siblings} if siblings else {})}
    r = run([pip, "install", "-q", "--upgrade", "build", *build_system], env=env, timeout=timeout, logfile=logf)
    if not r.ok:
        return {**res, **replay_failure("build-system install", r.out, repo, env)}
    dist = work / "nix-dist"
    shutil.rmtree(dist, ignore_errors=True)
    r = run([str(venv / "bin" / "python"), "-m", "build", "--no-isolation", "--skip-dependency-check", "--wheel", "-o", str(dist)],
            cwd=repo, env=env, timeout=timeout, logfile=logf)
    if not r.ok:
        return {**res, **replay_failure("wheel", r.out, repo, env)}
    for src in sibling_srcs:
        r = run([str(venv / "bin" / "python"), "-m", "build", "--no-isolation", "--skip-dependency-check", "--wheel",
                 "-o", str(dist)], cwd=src, env=env, timeout=timeout, logfile=logf)
        if not r.ok:
            return {**res, **replay_failure(f"wheel of {src.relative_to(repo)}", r.out, repo, env)}
    wheels = list(dist.glob("*.whl"))
    # Runtime: a fresh venv with the wheel and only the dependencies the flake names.
    rt = work / "nix-runtime"
    bare_venv(rt, logf)
    rpip = str(rt / "bin" / "pip")
    renv = dict(env, PATH=os.pathsep.join([str(rt / "bin"), env["PATH"]]), VIRTUAL_ENV=str(rt))
    r = run([rpip, "install", "-q", "--no-deps", *map(str, wheels)], env=renv, timeout=timeout, logfile=logf)
    if r.ok and deps:
        r = run([rpip, "install", "-q", *deps], env=renv, timeout=timeout, logfile=logf)
    if not r.ok:
        return {**res, "status": "fail", "error": f"install: {first_error(r.out)}"}
    r = run([rpip, "check"], env=renv, timeout=600, logfile=logf)
    if not r.ok:
        return {**res, "status": "fail", "error": f"runtime dependencies: {first_error(r.out)}"}
    if re.search(r"^\s*doCheck = false;", block, re.M):
        # The flake turns the tests off, with its reason in a comment: nixpkgs' builder stops here.
        return {**res, "status": "pass", "tests": 0, "note": "doCheck = false: the build and its runtime "
                "dependencies replayed, no tests"}
    r = run([rpip, "install", "-q", "pytest", *checks], env=renv, timeout=timeout, logfile=logf)
    if not r.ok:
        return {**res, "status": "fail", "error": f"check inputs: {first_error(r.out)}"}
    tdir = work / "nix-tests"
    shutil.rmtree(tdir, ignore_errors=True)
    shutil.copytree(repo, tdir, ignore=shutil.ignore_patterns(".git", "src", ".venv", "build", "dist"))
    r = run([str(rt / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=tdir, env=renv,
            timeout=timeout, logfile=logf)
    n = tests_ran(r.out)
    ok = r.ok and n > 0
    return {**res, "status": "pass" if ok else "fail", "tests": n,
            **({} if ok else {"error": f"pytest: {first_error(r.out) if not r.ok else 'no test ran'}"})}


# ---------------------------------------------------------------- one project


WALK_LIMIT = 8


def fresh_clone(repo: Path, clone: Path, *options: str) -> Path:
    """A new clone of repo at clone (an earlier one there is removed)."""
    if clone.exists():
        shutil.rmtree(clone)
    git(repo.parent, "clone", "-q", *options, str(repo), str(clone))
    return clone


def walk(repo: Path, work: Path, logf: Path) -> dict:
    """A newcomer's walk on a clone of the published source: `status`, then the command its `next`
    names, committed, then `status` again, until every step is done or `nextReason` says why not.
    It passes when every suggested command exits 0 and moves `currentStep` forward, and the walk
    ends at the last step or at a stated reason; it fails on a loop, a failing hint, or a status
    with neither."""
    clone = fresh_clone(repo, work / "walk")
    taken: list[str] = []
    current = -1
    for _ in range(WALK_LIMIT):
        st = nixmigrate(["status", "--json", str(clone)], logf)
        try:
            status = json.loads(st.out[st.out.index("{"):])
        except ValueError:
            return {"status": "fail", "error": f"status exited {st.code} with no JSON", "taken": taken}
        if status["currentStep"] <= current:
            return {"status": "fail", "error": f"`{taken[-1]}` left the repository at step {current}",
                    "taken": taken}
        current = status["currentStep"]
        nxt = status.get("next")
        if not nxt:
            reason = status.get("nextReason")
            if current < len(status["steps"]) and not reason:
                return {"status": "fail", "error": f"step {current}: no next command and no reason",
                        "taken": taken}
            return {"status": "pass", "reached": current, "reason": reason, "taken": taken}
        words = shlex.split(nxt)
        if words[:1] != ["nixmigrate"]:
            return {"status": "fail", "error": f"next is not a nixmigrate command: {nxt}", "taken": taken}
        r = nixmigrate(words[1:], logf)
        taken.append(nxt.replace(str(clone), "DIR"))
        if not r.ok:
            return {"status": "fail", "error": f"`{taken[-1]}` exited {r.code}: {first_error(r.out)}",
                    "taken": taken}
        git(clone, "add", "-A", "-f")
        git(clone, "commit", "-q", "--allow-empty", "-m", nxt)
    return {"status": "fail", "error": f"no end after {WALK_LIMIT} commands", "taken": taken}


def rerun_column(projects: list[dict], spec: dict, key: str, measure) -> int:
    """One column of each project, `measure(p, repo, work, logf)` on a fresh copy of its published
    source, merged into the committed results: the newcomer walk and the GitLab target need no
    builds, so each can be rerun on its own after a change (--walk-only, --gitlab-only). The results
    and scoreboard are rewritten after each project, as in a full run."""
    start = time.monotonic()
    results_path = HERE / "results.json"
    old = json.loads(results_path.read_text())
    by = {r["name"]: r for r in old["results"]}
    commit = nixmigrate_commit()
    statuses = []
    for p in projects:
        work = HOME / "work" / p["name"]
        work.mkdir(parents=True, exist_ok=True)
        repo = work / f"{key}-source"
        try:
            fresh_repo(p, fetch(p), repo)
        except FetchError as e:
            log(f"{p['name']}: {e}")
            continue
        try:
            res = measure(p, repo, work, work / f"{key}.log")
        except Exception as e:  # a harness failure is reported as such, never as the project's
            res = {"status": "harness_error", "error": f"{type(e).__name__}: {e}"}
        res["nixmigrate"] = commit
        row = by.setdefault(p["name"], {k: p[k] for k in ("name", "version", "family", "shape", "source")})
        row[key] = res
        statuses.append(res["status"])
        log(f"{p['name']}: {key} {COLUMNS[key][2](res)}")
        results = [by[r["name"]] for r in old["results"]] + [r for n, r in by.items()
                                                             if n not in {x["name"] for x in old["results"]}]
        s = summary(results)
        results_path.write_text(json.dumps({**old, "summary": s, "summary_line": summary_line(s),
                                            "results": results}, indent=1, sort_keys=True) + "\n")
        write_scoreboard(results, spec["projects"], REPO / "docs" / "field-trial.md",
                         "python3 fieldtest/fieldtrial.py --setup", old["seconds"])
    log(f"{key}: {statuses.count('pass')} pass, {statuses.count('fail')} fail, {statuses.count('skip')} skipped, "
        f"{statuses.count('harness_error')} harness errors of {len(statuses)} "
        f"({(time.monotonic() - start) / 60:.1f} minutes)")
    return 0 if all(x in ("pass", "skip") for x in statuses) else 1


def walk_cell(r: dict | None) -> str:
    if not r or r.get("status") != "pass":
        return status_cell(r)
    end = f"step {r['reached']}" + (f": {r['reason']}" if r.get("reason") else "")
    text = f"pass, {len(r['taken'])} commands to {end}"
    return text if len(text) <= 160 else text[:159] + "…"


# ---------------------------------------------------------------- the GitLab target


STEPS = range(1, 6)
GITLAB_SCHEMA = REPO / "generators" / "src" / "test" / "resources" / "schema" / "gitlab-ci.json"
GITLAB_TOKEN = "fieldtrial-gitlab-token"  # the stand-in's own; no real token is needed or read
INCLUDE_RX = re.compile(r"^\s*-\s*local:\s*['\"]?/?([^'\"\s]+)", re.M)
# A stated refusal: exit 2, 3 or 4 with nixmigrate's own one-line reason and no Java stack trace
# (exit 70, or a trace, is a crash).
STATED_RX = re.compile(r"^nixmigrate: (?!internal error)", re.M)
STACK_RX = re.compile(r"^\s+at [\w.$]+\(", re.M)


def stated_refusal(r: Run) -> bool:
    return r.code in (2, 3, 4) and bool(STATED_RX.search(r.out)) and not STACK_RX.search(r.out)


def is_gitlab_ci(path: str) -> bool:
    """GitLab's CI files: the pipeline and the YAML files under .gitlab/ (its includes)."""
    return path == ".gitlab-ci.yml" or path.startswith(".gitlab/") and path.endswith((".yml", ".yaml"))


def gitlab_files(repo: Path) -> dict[str, str]:
    found = [repo / ".gitlab-ci.yml", *(repo / ".gitlab").rglob("*")]
    paths = {f.relative_to(repo).as_posix(): f for f in found if f.is_file()}
    return {p: f.read_text() for p, f in paths.items() if is_gitlab_ci(p)}


def include_errors(files: dict[str, str]) -> list[str]:
    """What GitLab would not run: a `local:` include that is not there, a job file not included."""
    included = set(INCLUDE_RX.findall(files.get(".gitlab-ci.yml", "")))
    return ([f".gitlab-ci.yml includes {x}, which is not there" for x in sorted(included - set(files))] +
            [f"{x} is not included by .gitlab-ci.yml" for x in sorted(set(files) - included - {".gitlab-ci.yml"})])


def schema_python() -> Path:
    """The venv of the schema validator (fieldtest/gitlab_schema.py), with exactly the packages and
    hashes fieldtest/gitlab-schema.txt pins."""
    venv, pins = HOME / "tools" / "gitlab-schema", HERE / "gitlab-schema.txt"
    stamp = venv / "installed-from.sha256"
    if not stamp.exists() or stamp.read_text() != sha256(pins):
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", str(venv)], timeout=600)
        r = run([str(venv / "bin" / "pip"), "install", "-q", "--require-hashes", "-r", str(pins)], timeout=1200)
        if not r.ok:
            raise SystemExit(f"fieldtrial: cannot install {pins.name}: {first_error(r.out)}")
        stamp.write_text(sha256(pins))
    return venv / "bin" / "python"


def schema_errors(files: dict[str, str], logf: Path) -> dict[str, list[str]]:
    """GitLab's schema's verdict on each file (label: YAML text), all in one run of the validator."""
    if not files:
        return {}
    p = subprocess.run([str(schema_python()), str(HERE / "gitlab_schema.py"), str(GITLAB_SCHEMA)],
                       input=json.dumps(files).encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    with open(logf, "a", encoding="utf-8") as f:
        f.write(f"\n$ gitlab_schema.py ({len(files)} files)\n{p.stdout.decode()}{p.stderr.decode()}\n")
    if p.returncode != 0:
        raise RuntimeError(f"gitlab_schema.py exited {p.returncode}: {first_error(p.stderr.decode())}")
    return json.loads(p.stdout)


def json_answer(out: str) -> dict:
    """The JSON object a `--json` command printed (a warning line may come before it), or {}."""
    try:
        return json.JSONDecoder().raw_decode(out, out.index("{"))[0]
    except ValueError:
        return {}


def ci_step(n: int, ci: str, clone: Path, logf: Path) -> tuple[Run, dict]:
    """`nixmigrate step N --ci CI --json` on the clone, committed as a user would."""
    r = nixmigrate(["step", str(n), "--ci", ci, "--json", str(clone)], logf)
    git(clone, "add", "-A", "-f")
    git(clone, "commit", "-q", "--allow-empty", "-m", f"nixmigrate step {n} --ci {ci}")
    return r, json_answer(r.out)


def first_difference(a: bytes | None, b: bytes | None) -> str:
    if a is None or b is None:
        return "only the GitHub target's run has one" if a is None else "only the GitLab target's run has one"
    lines = list(zip(a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()))
    at = next((i for i, (x, y) in enumerate(lines) if x != y), len(lines))
    return f"they differ from line {at + 1}"


def gitlab_steps(repo: Path, work: Path, logf: Path, res: dict, problems: list[str]) -> dict[str, str]:
    """Steps 1 to 5 with --ci gitlab on one clone and --ci github on another: each step's GitLab
    files (those it wrote or changed) for the schema, and the two justfiles compared. A step that
    stops with a stated reason (exit 2, 3 or 4) ends the run; it is a failure only where the GitHub
    target's same step goes on."""
    lab, hub = fresh_clone(repo, work / "gitlab"), fresh_clone(repo, work / "github")
    batch: dict[str, str] = {}
    before: dict[str, str] = {}
    for n in STEPS:
        r, answer = ci_step(n, "gitlab", lab, logf)
        h, _ = ci_step(n, "github", hub, logf)
        if not r.ok:
            said = first_error(r.out)
            if stated_refusal(r) and h.code == r.code:
                res["stopped"] = f"step {n} exited {r.code} on both targets: {said}"
            else:
                problems.append(f"step {n} exited {r.code} with --ci gitlab (GitHub's: exit {h.code}): {said}")
            break
        res["reached"] = n
        warnings = len(answer.get("warnings", []))
        res["steps"][str(n)] = answer.get("outcome", "no JSON") + (
            f", {warnings} warning{'s' if warnings > 1 else ''}" if warnings else "")
        now = gitlab_files(lab)
        batch.update({f"step {n} {k}": v for k, v in now.items() if before.get(k) != v})
        before = now
        if ".gitlab-ci.yml" not in now:
            problems.append(f"step {n} left no .gitlab-ci.yml")
        problems += [f"step {n}: {e}" for e in include_errors(now)]
        if (lab / ".github" / "workflows").exists():
            problems.append(f"step {n} wrote .github/workflows/ with --ci gitlab")
        if not h.ok:
            problems.append(f"step {n} exited {h.code} with --ci github only: {first_error(h.out)}")
            break
        justfiles = [(d / "justfile").read_bytes() if (d / "justfile").exists() else None for d in (hub, lab)]
        if justfiles[0] != justfiles[1]:
            problems.append(f"step {n}: the justfile is not the GitHub target's: {first_difference(*justfiles)}")
    return batch


def gitlab_bot(p: dict, repo: Path, work: Path, logf: Path, res: dict, problems: list[str]) -> dict[str, str]:
    """`nixmigrate pr --step N --ci gitlab` for N = 1 to 5 from a clone whose origin is a local bare
    repository, against the GitLab stand-in: one merge request per step, each from a branch of its
    own that holds GitLab's pipeline and no GitHub workflow; a step with nothing to do opens none
    and says so. Only the steps that ran on the clone are asked for. Returns the branches' GitLab
    files for the schema."""
    origin = fresh_clone(repo, work / "gitlab-origin.git", "--bare")
    clone = fresh_clone(origin, work / "gitlab-bot")
    project = f"fieldtrial/{p['name']}"
    env = dict(os.environ, GITLAB_TOKEN=GITLAB_TOKEN)
    batch: dict[str, str] = {}
    with GitLabStandIn(project, GITLAB_TOKEN) as gitlab:
        for n in range(1, res["reached"] + 1):
            had = len(gitlab.merge_requests)
            r = nixmigrate(["pr", "--step", str(n), "--ci", "gitlab", "--forge", "gitlab", "--api-url", gitlab.api,
                            "--repo", project, "--json", "--quiet", str(clone)], logf, env=env)
            answer = json_answer(r.out)
            res["bot"][str(n)] = answer.get("result", "no JSON") if r.ok else f"exit {r.code}"
            opened = gitlab.merge_requests[had:]
            if not r.ok:
                problems.append(f"pr --step {n} exited {r.code}: {first_error(r.out)}")
            elif answer.get("result") == "nothing-to-do":
                if opened or not answer.get("notes"):
                    problems.append(f"pr --step {n}: nothing to do, but " +
                                    ("it opened a merge request" if opened else "it does not say so"))
            elif answer.get("result") != "created" or len(opened) != 1:
                problems.append(f"pr --step {n}: {answer.get('result')}, {len(opened)} merge requests opened")
            else:
                branch = opened[0]["source_branch"]
                ls = run(["git", "ls-tree", "-r", "--name-only", branch], cwd=origin, timeout=600)
                tree = ls.out.split() if ls.ok else []
                if not ls.ok or branch != answer.get("branch"):
                    problems.append(f"pr --step {n}: the merge request's branch {branch} is not the one pushed "
                                    f"({answer.get('branch')})")
                elif ".gitlab-ci.yml" not in tree or ".github/workflows/ci.yml" in tree:
                    problems.append(f"pr --step {n}: {branch} holds " +
                                    (".github/workflows/ci.yml" if ".gitlab-ci.yml" in tree else "no .gitlab-ci.yml"))
                batch.update({f"bot step {n} {f}": git(origin, "show", f"{branch}:{f}").out
                              for f in tree if is_gitlab_ci(f)})
        branches = [m["source_branch"] for m in gitlab.merge_requests]
        if len(set(branches)) != len(branches):
            problems.append(f"merge requests share a source branch: {', '.join(branches)}")
        problems += [f"the bot asked the stand-in for {x}" for x in gitlab.unexpected]
        res["merge_requests"] = len(gitlab.merge_requests)
    return batch


def gitlab_column(p: dict, repo: Path, work: Path, logf: Path) -> dict:
    """The GitLab target (fieldtest/README.md, 1): the steps and the bot with --ci gitlab, every
    GitLab file they write checked against GitLab's CI schema."""
    res: dict = {"steps": {}, "bot": {}, "reached": 0}
    problems: list[str] = []
    files = gitlab_steps(repo, work, logf, res, problems)
    files.update(gitlab_bot(p, repo, work, logf, res, problems))
    for label, errors in schema_errors(files, logf).items():
        problems += [f"{label}: {e}" for e in errors[:2]]
    res["validated"] = len(files)
    if problems:
        return {**res, "status": "fail", "error": "; ".join(problems[:3]) + (
            f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""), "problems": problems}
    if not res["reached"]:
        return {**res, "status": "skip", "error": res["stopped"]}
    return {**res, "status": "pass"}


def gitlab_cell(r: dict | None) -> str:
    if not r or r.get("status") != "pass":
        return status_cell(r)
    text = (f"pass: steps 1–{r['reached']}, {r['validated']} files valid, justfile as GitHub's, "
            f"{r['merge_requests']} MRs" + (f"; {r['stopped']}" if r.get("stopped") else ""))
    return text if len(text) <= 160 else text[:159] + "…"


# The columns that need no builds, each with its scoreboard label, its flag to rerun it alone and its cell.
COLUMNS = {"walk": ("newcomer walk", "--walk-only", walk_cell),
           "gitlab": ("GitLab target", "--gitlab-only", gitlab_cell)}


def trial(p: dict, machine: Machine, standin: StandIn | None, timeout: int, deep: bool) -> dict:
    res: dict = {"name": p["name"], "version": p["version"], "family": p["family"], "shape": p["shape"],
                 "source": p["source"]}
    work = HOME / "work" / p["name"]
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    logf = work / "trial.log"
    repo = work / "repo"
    try:
        fresh_repo(p, fetch(p), repo)
    except FetchError as e:
        res["fetch"] = {"status": "fail", "error": str(e)}
        return res
    # 1
    d = nixmigrate(["detect", "--json", str(repo)], logf)
    detected = None
    try:
        detected = json.loads(d.out[d.out.index("{"):]) if d.ok else None
    except ValueError:
        pass
    expect = json.loads((HERE / "expect" / f"{p['name']}.json").read_text())
    res["detect"] = {"exit": d.code, **score_detection(detected, expect)}
    res["walk"] = walk(repo, work, logf)
    res["gitlab"] = gitlab_column(p, repo, work, logf)
    # 2
    s2 = nixmigrate(["step", "2", str(repo)], logf)
    res["step2"] = {"exit": s2.code, **({} if s2.ok else {"error": first_error(s2.out)})}
    if not s2.ok:
        for r in RECIPES:
            res.setdefault("recipes", {})[r] = {"status": "fail", "error": f"step 2 exited {s2.code}"}
        return res
    git(repo, "add", "-A", "-f")
    git(repo, "commit", "-q", "-m", "nixmigrate step 2")
    # the jobs step 2 wrote: GitHub's workflow, or GitLab's job file where the repository is on GitLab
    written = [repo / ".github" / "workflows" / "ci.yml", repo / ".gitlab" / "ci" / "build.yml"]
    setup = workflow_setup("\n".join(f.read_text() for f in written if f.exists()))
    res["setup"] = setup
    res["recipes"] = run_recipes(p, repo, work, machine, setup, logf, timeout)
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-q", "-fdx")
    # 3
    if res["recipes"].get("build", {}).get("status") == "pass":
        res["cache"] = check_cache(repo, work, machine, res["recipes"], logf, timeout)
    else:
        res["cache"] = {"status": "skip", "error": "build recipe did not pass"}
    # 4
    s4 = nixmigrate(["step", "4", str(repo)], logf)
    res["step4"] = {"exit": s4.code, **({} if s4.ok else {"error": first_error(s4.out)})}
    if s4.ok and standin is not None:
        res["nix"] = check_nix(repo, standin, logf)
        if deep:
            res["nix"]["replay"] = replay_builder(p, repo, work, machine, logf, timeout)
    return res


# ---------------------------------------------------------------- report


def status_cell(r: dict | None) -> str:
    if not r:
        return "–"
    s = r.get("status", "–")
    text = s + (f": {r['error']}" if r.get("error") and s != "pass" else "")
    return text if len(text) <= 160 else text[:159] + "…"


def replay_note(r: dict | None) -> str:
    """What a passing replay left out (tests the flake turns off), so that the cell says so."""
    return f" ({r['note']})" if r and r.get("status") == "pass" and r.get("note") else ""


def md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def summary(results: list[dict]) -> dict:
    right = sum(r.get("detect", {}).get("right", 0) for r in results)
    total = sum(r.get("detect", {}).get("total", 0) for r in results)
    rec = {k: {"pass": 0, "fail": 0, "skip": 0} for k in RECIPES}
    for r in results:
        for k in RECIPES:
            st = r.get("recipes", {}).get(k, {}).get("status", "fail")
            rec[k][st] = rec[k].get(st, 0) + 1
    nix = [r.get("nix", {}).get("status", "fail") for r in results]
    replay = [r.get("nix", {}).get("replay", {}).get("status") for r in results]
    caches = [r["cache"] for r in results if r.get("cache", {}).get("hit_rate") is not None]
    walks = [r.get("walk", {}).get("status") for r in results]
    gitlab = [r.get("gitlab", {}).get("status") for r in results]
    return {"projects": len(results), "detect_right": right, "detect_total": total, "recipes": rec,
            "walk_pass": walks.count("pass"), "walk_run": sum(1 for w in walks if w),
            "gitlab_pass": gitlab.count("pass"), "gitlab_run": gitlab.count("pass") + gitlab.count("fail"),
            "gitlab_skip": gitlab.count("skip"),
            "nix_eval_pass": nix.count("pass"), "replay_pass": replay.count("pass"),
            "replay_run": sum(1 for x in replay if x in ("pass", "fail")),
            "replay_skip": replay.count("skip"),
            "cache_measured": len(caches),
            "cache_mean_hit_rate": round(sum(c["hit_rate"] for c in caches) / len(caches), 3) if caches else None}


def summary_line(s: dict) -> str:
    rec = s["recipes"]
    pct = (lambda a, b: f"{100 * a / b:.0f}%" if b else "n/a")
    def recipe(k):
        run_ = rec[k]["pass"] + rec[k]["fail"]
        return f"{k} {rec[k]['pass']}/{run_} pass ({pct(rec[k]['pass'], run_)}, {rec[k].get('skip', 0)} skipped)"
    return (f"{s['projects']} projects: detection {s['detect_right']}/{s['detect_total']} facts right "
            f"({pct(s['detect_right'], s['detect_total'])}); "
            f"newcomer walk {s.get('walk_pass', 0)}/{s.get('walk_run', 0)} pass; "
            f"GitLab target {s.get('gitlab_pass', 0)}/{s.get('gitlab_run', 0)} pass "
            f"({s.get('gitlab_skip', 0)} skipped); "
            + "; ".join(recipe(k) for k in RECIPES) + "; "
            f"compiler cache measured on {s['cache_measured']}, mean hit rate "
            f"{s['cache_mean_hit_rate'] if s['cache_mean_hit_rate'] is not None else 'n/a'}; "
            f"Nix packages evaluate for {s['nix_eval_pass']}/{s['projects']}; "
            f"builder replay passes {s['replay_pass']}/{s['replay_run']} ({s.get('replay_skip', 0)} skipped)")


def nixmigrate_commit() -> str:
    r = run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO)
    return r.out.strip() if r.ok else "unknown"


def stale_rows(results: list[dict]) -> list[str]:
    """A line naming the rows a partial rerun (--merge) kept from a run of an older nixmigrate."""
    newest = max((r.get("run_at", "") for r in results), default="")
    old = [r for r in results if r.get("run_at", "") != newest]
    if not old:
        return []
    names = ", ".join(f"{r['name']} ({r.get('nixmigrate', 'an earlier commit')})" for r in old)
    return [f"Rows kept from an earlier run, not rerun with nixmigrate {results_commit(results, newest)}: {names}.", ""]


def rerun_rows(results: list[dict]) -> list[str]:
    """A line for each column rerun on its own (--walk-only, --gitlab-only): the nixmigrate it ran with."""
    lines = []
    for key, (label, flag, _) in COLUMNS.items():
        own = sorted({r[key]["nixmigrate"] for r in results
                      if r.get(key, {}).get("nixmigrate") and r[key]["nixmigrate"] != r.get("nixmigrate")})
        if own:
            lines += [f"The {label} column was rerun on its own ({flag}) with nixmigrate {', '.join(own)}.", ""]
    return lines


def results_commit(results: list[dict], run_at: str) -> str:
    return next((r.get("nixmigrate", "?") for r in results if r.get("run_at", "") == run_at), "?")


def write_scoreboard(results: list[dict], projects: list[dict], path: Path, command: str, seconds: float) -> None:
    s = summary(results)
    ran = "" if len(results) >= len(projects) else f" ({len(results)} of {len(projects)} run so far)"
    L = [f"# Field trial: {summary_line(s)}{ran}", "",
         f"Written by `fieldtest/fieldtrial.py` ({command}, {seconds / 60:.0f} minutes on this machine); "
         "do not edit by hand. How each column is measured: fieldtest/README.md. Per-project logs stay "
         "in the trial's cache folder.", "",
         *stale_rows(results), *rerun_rows(results), "## Per project", "",
         "| project | version | shape | detect | newcomer walk | GitLab target | step 2 | build | test | lint | cache (hit rate, warm/cold) | step 4 | Nix eval | builder replay |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        if "fetch" in r:
            L.append(f"| {r['name']} | {r['version']} | {r['shape']} | fetch failed: {md_escape(r['fetch']['error'])} |" + " – |" * 10)
            continue
        d = r.get("detect", {})
        rec = r.get("recipes", {})
        c = r.get("cache", {})
        if c.get("hit_rate") is not None:
            cache = f"{c['tool']} {c['hit_rate']:.0%} ({c['hits']}/{c['hits'] + c['misses']}), {c['warm_cold_ratio']}" + (
                " (test recipe)" if c.get("recipe") == "test" else "")
        else:
            cache = status_cell(c)
        nix = r.get("nix", {})
        nx = "–" if not nix else (
            f"{sum(1 for k in ('packages', 'checks') for v in nix.get(k, {}).values() if v['status'] == 'pass')}/"
            f"{sum(len(nix.get(k, {})) for k in ('packages', 'checks'))} {status_cell(nix)}")
        tests = rec.get("test", {}).get("tests")
        L.append("| " + " | ".join(md_escape(x) for x in [
            r["name"], r["version"], f"{r['family']}: {r['shape']}",
            f"{d.get('right', 0)}/{d.get('total', 0)}" + ("" if d.get("exit", 0) == 0 else f" (exit {d['exit']})"),
            walk_cell(r.get("walk")), gitlab_cell(r.get("gitlab")),
            f"exit {r.get('step2', {}).get('exit', '–')}",
            status_cell(rec.get("build")), status_cell(rec.get("test")) + (f" ({tests} tests)" if tests else ""),
            status_cell(rec.get("lint")), cache,
            f"exit {r.get('step4', {}).get('exit', '–')}" + (f": {r['step4']['error']}" if r.get("step4", {}).get("error") else ""),
            nx, status_cell(nix.get("replay")) + replay_note(nix.get("replay"))]) + " |")
    for p in projects:
        if p["name"] not in {r["name"] for r in results} and command.endswith("--setup"):
            L.append(f"| {p['name']} | {p['version']} | {p['family']}: {p['shape']} | not run |" + " – |" * 10)
    L += ["", "## Detection: what was wrong", "", "Wrong facts by kind: " + ", ".join(
        f"{k} {v}" for k, v in sorted(wrong_kinds(results).items(), key=lambda kv: -kv[1])) + ".", ""]
    for r in results:
        wrong = r.get("detect", {}).get("wrong", [])
        if wrong:
            L.append(f"- **{r['name']}**: " + "; ".join(md_escape(w) for w in wrong))
    L += ["", "## Failures, and why", "",
          "Each failing cell, with the cause found in its log when it lies outside what nixmigrate "
          "wrote (projects.json `explain`). A failure without one is nixmigrate's until shown otherwise.", ""]
    explained = {p["name"]: p.get("explain", {}) for p in projects}
    for name, column, error in failures(results):
        why = explained.get(name, {}).get(column)
        L.append(f"- **{name}**, {column}: {md_escape(error.rstrip('.'))}. "
                 + (f"Why: {md_escape(why)}" if why else "**Not explained.**"))
    L += ["", "## Projects", "", "| project | source | version | sha256 | why it is here |", "|---|---|---|---|---|"]
    for p in projects:
        L.append(f"| {p['name']} | {p['source']} `{p['package']}` | {p['version']} | `{p['sha256'][:16]}…` | {md_escape(p.get('notes', ''))} |")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(L) + "\n")


def failures(results: list[dict]) -> list[tuple[str, str, str]]:
    """(project, column, first error) of every failing recipe, cache check, Nix evaluation and replay."""
    out = []
    for r in results:
        cells = {k: r.get("recipes", {}).get(k) for k in RECIPES}
        cells["cache"] = r.get("cache")
        cells["replay"] = r.get("nix", {}).get("replay")
        if r.get("nix", {}).get("status") == "fail":
            evals = [v for k in ("packages", "checks") for v in r["nix"].get(k, {}).values()]
            cells["nix"] = {"status": "fail", "error": next(
                (v.get("error", "") for v in evals if v.get("status") == "fail"), r["nix"].get("error", ""))}
        for column, cell in cells.items():
            if cell and cell.get("status") == "fail":
                error = (cell.get("error") or "").splitlines()
                out.append((r["name"], column, (error[0] if error else "")[:200]))
    return out


def wrong_kinds(results: list[dict]) -> dict:
    kinds: dict[str, int] = {}
    for r in results:
        for w in r.get("detect", {}).get("wrong", []):
            head = w.split(":", 1)[0]
            if head.startswith("extra project"):
                k = "extra project (not a project)"
            elif head.startswith("project "):
                k = "project not detected"
            elif head in ("languages", "number of projects"):
                k = head
            else:
                k = head.rsplit(" ", 1)[-1]
            kinds[k] = kinds.get(k, 0) + 1
    return kinds


def compare_baseline(results: list[dict], baseline: dict) -> list[str]:
    """Recipes and checks that passed in the committed baseline and do not pass now."""
    regressions = []
    by = {r["name"]: r for r in results}
    for name, passed in baseline.items():
        r = by.get(name)
        if r is None:
            continue
        for what in passed:
            if current_status(r, what) != "pass":
                regressions.append(f"{name}: {what} passed in the baseline, now {current_status(r, what)}")
    return regressions


def current_status(r: dict, what: str) -> str:
    if what in RECIPES:
        return r.get("recipes", {}).get(what, {}).get("status", "fail")
    if what == "cache":
        return r.get("cache", {}).get("status", "fail")
    if what == "nix":
        return r.get("nix", {}).get("status", "fail")
    if what == "replay":
        return r.get("nix", {}).get("replay", {}).get("status", "fail")
    if what in COLUMNS:
        return r.get(what, {}).get("status", "fail")
    return "fail"


def baseline_of(results: list[dict]) -> dict:
    return {r["name"]: [w for w in (*RECIPES, "cache", "nix", "replay", *COLUMNS) if current_status(r, w) == "pass"]
            for r in results}


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--subset", choices=["all", "ci"], default="all", help="ci: the rows marked ci")
    ap.add_argument("--only", nargs="*", help="these projects only (by name)")
    ap.add_argument("--setup", action="store_true",
                    help="first install the runner's Debian packages and add the Debian source lines (root)")
    ap.add_argument("--fetch-only", action="store_true", help="download and check every artifact, then stop")
    ap.add_argument("--no-replay", action="store_true", help="skip the step-4 builder replay")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per recipe (default 1800)")
    ap.add_argument("--results", type=Path, help="where to write the JSON results (default: fieldtest/results.json "
                    "for a full run, the cache folder otherwise)")
    ap.add_argument("--scoreboard", type=Path, help="where to write the Markdown scoreboard (default: "
                    "docs/field-trial.md for a full run)")
    ap.add_argument("--merge", action="store_true",
                    help="replace these projects' rows in fieldtest/results.json and rewrite docs/field-trial.md")
    ap.add_argument("--merge-from", type=Path, metavar="RESULTS",
                    help="put the rows of another run's results.json into fieldtest/results.json (runs nothing)")
    ap.add_argument("--check-baseline", action="store_true",
                    help="exit 1 when something that passed in fieldtest/baseline.json does not pass now")
    ap.add_argument("--write-baseline", action="store_true", help="record what passed in fieldtest/baseline.json")
    ap.add_argument("--walk-only", action="store_true",
                    help="rerun only the newcomer walk of each project and merge it into fieldtest/results.json")
    ap.add_argument("--gitlab-only", action="store_true",
                    help="rerun only the GitLab target of each project and merge it into fieldtest/results.json")
    a = ap.parse_args(argv)
    spec = json.loads((HERE / "projects.json").read_text())
    projects = spec["projects"]
    if a.only:
        projects = [p for p in projects if p["name"] in a.only]
    elif a.subset == "ci":
        projects = [p for p in projects if p.get("ci")]
    if a.setup:
        install_runner(spec["runner"])
        if any(p["source"] == "debian" for p in projects):
            debian_sources()
    if a.fetch_only:
        bad = 0
        for p in projects:
            try:
                art = fetch(p)
                log(f"{p['name']}: {art.name} ok")
            except FetchError as e:
                bad += 1
                log(str(e))
        return 1 if bad else 0
    if not JAR.exists():
        raise SystemExit(f"fieldtrial: {JAR} is missing: build it with mvn -B -q package -DskipTests")
    if a.walk_only:
        return rerun_column(projects, spec, "walk", lambda p, repo, work, logf: walk(repo, work, logf))
    if a.gitlab_only:
        return rerun_column(projects, spec, "gitlab", gitlab_column)
    machine = Machine()
    machine.setup(spec["tools"])
    standin = None
    if shutil.which("nix"):
        standin = StandIn()
        standin.write()
    full = not a.only and a.subset == "all"
    start = time.monotonic()
    a.merge = a.merge or bool(a.merge_from)
    command = "python3 fieldtest/fieldtrial.py" + (" --setup" if full or a.merge else "") + (
        " --subset ci" if a.subset == "ci" else "")
    old = json.loads((HERE / "results.json").read_text()) if a.merge or a.merge_from else None
    out = a.results or (HERE / "results.json" if full or a.merge else HOME / "results.json")
    board = a.scoreboard or (REPO / "docs" / "field-trial.md" if full or a.merge else HOME / "field-trial.md")

    def publish(results: list[dict], final: bool) -> tuple[list[dict], dict]:
        """Results and scoreboard, rewritten after every project (a stopped run keeps what it did)."""
        seconds = time.monotonic() - start
        if old is not None:
            fresh = {r["name"]: r for r in results}
            results = [fresh.pop(r["name"], r) for r in old["results"]] + list(fresh.values())
            seconds = old["seconds"]
        s = summary(results)
        out.write_text(json.dumps({"summary": s, "summary_line": summary_line(s), "seconds": round(seconds),
                                   "complete": final, "results": results}, indent=1, sort_keys=True) + "\n")
        write_scoreboard(results, spec["projects"], board, command, seconds)
        return results, s

    results = []
    commit = nixmigrate_commit()
    run_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    if a.merge_from:
        a.merge = True
        projects = []
        results = json.loads(a.merge_from.read_text())["results"]
    for p in projects:
        log(f"{p['name']} {p['version']} ({p['family']}: {p['shape']})")
        t0 = time.monotonic()
        try:
            r = trial(p, machine, standin, a.timeout, not a.no_replay)
        except Exception as e:  # a harness failure is reported as such, never as the project's
            r = {"name": p["name"], "version": p["version"], "family": p["family"], "shape": p["shape"],
                 "source": p["source"], "harness_error": f"{type(e).__name__}: {e}"}
        r["seconds"] = round(time.monotonic() - t0)
        r["nixmigrate"] = commit
        r["run_at"] = run_at
        results.append(r)
        publish(results, False)
        log(f"  {p['name']}: detect {r.get('detect', {}).get('right')}/{r.get('detect', {}).get('total')}, "
            f"walk {r.get('walk', {}).get('status')}, gitlab {r.get('gitlab', {}).get('status')}, "
            + ", ".join(f"{k} {v.get('status')}" for k, v in r.get("recipes", {}).items())
            + f", cache {r.get('cache', {}).get('status')}, nix {r.get('nix', {}).get('status')}, "
            f"replay {r.get('nix', {}).get('replay', {}).get('status')} ({r['seconds']}s)")
    results, s = publish(results, True)
    log(summary_line(s))
    log(f"results: {out}; scoreboard: {board}; {(time.monotonic() - start) / 60:.1f} minutes")
    if a.write_baseline:
        base = HERE / "baseline.json"
        old = json.loads(base.read_text()) if base.exists() else {}
        old.update(baseline_of(results))
        base.write_text(json.dumps(old, indent=1, sort_keys=True) + "\n")
    if a.check_baseline:
        base = json.loads((HERE / "baseline.json").read_text())
        regressions = compare_baseline(results, base)
        for x in regressions:
            log("REGRESSION", x)
        passed = sum(len(v) for k, v in baseline_of(results).items())
        log(f"baseline: {passed} passed, {len(regressions)} failed")
        print(f"fieldtrial: {passed} passed, {len(regressions)} failed")
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
