#!/usr/bin/env python3
"""Moves the crypto classes out of the shared `web` package into the `dev.attest.crypto` module.

1. `git mv` each class (and its test) from dev/attest/web to dev/attest/crypto, fixing the package line
   and importing the web classes it still uses;
2. rewrites `dev.attest.web.X` to `dev.attest.crypto.X` in every source and test file, and adds the
   import to files of package dev.attest.web that use a moved class;
3. adds "crypto" to the allowedDependencies of every module whose main code imports dev.attest.crypto.

Idempotent: run it again after merging other branches to catch their new imports.
Run from the repository root: python3 tools/split-crypto.py
"""
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN = ROOT / "src" / "main" / "java" / "dev" / "attest"
TEST = ROOT / "src" / "test" / "java" / "dev" / "attest"
MOVED = ["MasterKey", "CheckpointWitness", "CheckpointFields", "OfflineVerifierArguments"]
MOVED_TESTS = ["MasterKeyTest"]


def web_classes():
    return sorted(p.stem for p in (MAIN / "web").glob("*.java") if p.stem != "package-info")


def uses(text, name):
    body = "\n".join(l for l in text.split("\n") if not l.startswith("import ") and not l.startswith("package "))
    return re.search(r"\b%s\b" % re.escape(name), body) is not None


def add_imports(text, imports):
    lines = text.split("\n")
    wanted = [i for i in imports if i not in lines]
    if not wanted:
        return text
    anchor = next((n for n, l in enumerate(lines) if l.startswith("import ")), None)
    if anchor is None:
        anchor = next(n for n, l in enumerate(lines) if l.startswith("package ")) + 1
        wanted = [""] + wanted
    lines[anchor:anchor] = wanted
    return "\n".join(lines)


def move(base, name):
    source, target = base / "web" / (name + ".java"), base / "crypto" / (name + ".java")
    if source.exists() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "mv", str(source), str(target)], cwd=ROOT, check=True)
    if not target.exists():
        return
    text = target.read_text().replace("package dev.attest.web;", "package dev.attest.crypto;", 1)
    needed = ["import dev.attest.web.%s;" % c for c in web_classes() if uses(text, c)]
    target.write_text(add_imports(text, needed))


def rewrite_references():
    pattern = re.compile(r"\bdev\.attest\.web\.(%s)\b" % "|".join(MOVED))
    for base in (MAIN, TEST):
        for path in base.rglob("*.java"):
            text = path.read_text()
            result = pattern.sub(r"dev.attest.crypto.\1", text)
            if re.search(r"^package dev\.attest\.web;", result, re.M):
                result = add_imports(result, ["import dev.attest.crypto.%s;" % c for c in MOVED if uses(result, c)])
            if result != text:
                path.write_text(result)


def allow_crypto():
    for module in sorted(p for p in MAIN.iterdir() if p.is_dir() and p.name not in ("crypto", "web")):
        info = module / "package-info.java"
        if not info.exists():
            continue
        if not any("import dev.attest.crypto." in p.read_text() for p in module.rglob("*.java")):
            continue
        text = info.read_text()
        match = re.search(r"allowedDependencies\s*=\s*(\{[^}]*\}|\"[^\"]*\")", text)
        if match is None or re.search(r'"crypto"', match.group(1)):
            continue
        value = match.group(1)
        if value.startswith("{"):
            replaced = value[:-1].rstrip() + ', "crypto"}'
        else:
            replaced = '{%s, "crypto"}' % value
        info.write_text(text[:match.start(1)] + replaced + text[match.end(1):])


def main():
    for name in MOVED:
        move(MAIN, name)
    for name in MOVED_TESTS:
        move(TEST, name)
    rewrite_references()
    allow_crypto()
    left = [str(p.relative_to(ROOT)) for p in ROOT.joinpath("src").rglob("*.java")
            if re.search(r"dev\.attest\.web\.(%s)\b" % "|".join(MOVED), p.read_text())]
    print("crypto split done; references to the old package left:", left or "none")


if __name__ == "__main__":
    main()
