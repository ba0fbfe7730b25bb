#!/usr/bin/env python3
"""Converts every @PreAuthorize("hasAuthority('a:b')") under src/main/java to @RequiresPermission(Permission.X).

The authority -> constant table is read from dev/attest/identity/Permission.java. Compound expressions,
permitAll(), isAuthenticated() and authorities that are not a Permission stay as they are. Imports are
added (and the PreAuthorize import dropped when nothing uses it any more). Safe to run again: a file
already converted is left unchanged. Run from the repository root: python3 tools/requires-permission.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "main" / "java"
PERMISSION = SOURCES / "dev" / "attest" / "identity" / "Permission.java"
PRE_AUTHORIZE_IMPORT = "import org.springframework.security.access.prepost.PreAuthorize;"
NEEDED_IMPORTS = ["import dev.attest.identity.Permission;", "import dev.attest.identity.RequiresPermission;"]
SINGLE = re.compile(r"""@PreAuthorize\(\s*"hasAuthority\('([^']+)'\)"\s*\)""")


def authorities():
    table = {}
    for name, authority in re.findall(r'^\s*([A-Z][A-Z0-9_]*)\("([^"]+)",', PERMISSION.read_text(), re.M):
        table[authority] = name
    return table


def convert(text, table):
    changed = False

    def replace(match):
        nonlocal changed
        constant = table.get(match.group(1))
        if constant is None:
            return match.group(0)
        changed = True
        return "@RequiresPermission(Permission.%s)" % constant

    text = SINGLE.sub(replace, text)
    if not changed:
        return text, False
    lines = text.split("\n")
    in_identity = re.search(r"^package dev\.attest\.identity;", text, re.M) is not None
    wanted = [] if in_identity else [i for i in NEEDED_IMPORTS if i not in lines]
    if wanted:
        anchor = next((n for n, line in enumerate(lines) if line.startswith("import ")), None)
        if anchor is None:
            anchor = next(n for n, line in enumerate(lines) if line.startswith("package ")) + 1
            wanted = [""] + wanted
        lines[anchor:anchor] = wanted
    if "@PreAuthorize" not in "\n".join(l for l in lines if not l.startswith("import ")):
        lines = [l for l in lines if l != PRE_AUTHORIZE_IMPORT]
    return "\n".join(lines), True


def main():
    table = authorities()
    if not table:
        sys.exit("no permissions found in " + str(PERMISSION))
    files = 0
    for path in sorted(SOURCES.rglob("*.java")):
        text = path.read_text()
        if "@PreAuthorize" not in text:
            continue
        result, changed = convert(text, table)
        if changed and result != text:
            path.write_text(result)
            files += 1
    left = sum(len(SINGLE.findall(p.read_text())) for p in SOURCES.rglob("*.java"))
    print("converted %d files; single-authority @PreAuthorize left: %d" % (files, left))


if __name__ == "__main__":
    main()
