#!/usr/bin/env python3
"""Record modules depend on monitoring's and obligations' SPI, not on all of those modules.

The SPI types carry @NamedInterface("spi") in their module's root package (monitoring: Resource,
ResourceSource; obligations: Obligation, ObligationSource). For every other module this script looks
at what its main code imports from monitoring/obligations and rewrites its allowedDependencies:
  only SPI types  -> "monitoring :: spi" instead of "monitoring"
  anything else   -> "monitoring" and "monitoring :: spi" (types of a named interface are outside the
                     unnamed one, and a module can reach an SPI type without naming it, e.g. through
                     a method's return type).
It also puts the annotation on the SPI types when missing. Idempotent: re-run after merges.
Run from the repository root: python3 tools/spi-dependencies.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN = ROOT / "src" / "main" / "java" / "dev" / "attest"
SPI = {"monitoring": ["Resource", "ResourceSource"], "obligations": ["Obligation", "ObligationSource"]}
ANNOTATION = '@NamedInterface("spi")'
ANNOTATION_IMPORT = "import org.springframework.modulith.NamedInterface;"


def annotate(module, name):
    path = MAIN / module / (name + ".java")
    text = path.read_text()
    if ANNOTATION in text:
        return
    declaration = re.search(r"^public (?:final )?(?:record|interface|class|enum) %s\b" % name, text, re.M)
    text = text[:declaration.start()] + ANNOTATION + "\n" + text[declaration.start():]
    lines = text.split("\n")
    anchor = next((n for n, l in enumerate(lines) if l.startswith("import ")), None)
    if anchor is None:
        anchor = next(n for n, l in enumerate(lines) if l.startswith("package ")) + 1
        lines[anchor:anchor] = ["", ANNOTATION_IMPORT]
    else:
        lines.insert(anchor, ANNOTATION_IMPORT)
    path.write_text("\n".join(lines))


def used_types(module_dir, target):
    found = set()
    for path in module_dir.rglob("*.java"):
        found.update(re.findall(r"\bdev\.attest\.%s\.([A-Z]\w*)" % target, path.read_text()))
    return found


def rewrite(info, target, only_spi):
    text = info.read_text()
    match = re.search(r"allowedDependencies\s*=\s*(\{[^}]*\}|\"[^\"]*\")", text)
    if match is None:
        return
    names = re.findall(r'"([^"]*)"', match.group(1))
    spi = "%s :: spi" % target
    wanted = [n for n in names if n != target or not only_spi]
    if spi not in wanted:
        position = names.index(target) if target in names else len(wanted)
        wanted.insert(min(position + (0 if only_spi else 1), len(wanted)), spi)
    if wanted == names:
        return
    value = match.group(1)
    replacement = "{" + ", ".join('"%s"' % n for n in wanted) + "}"
    if "\n" in value:  # keep the break where it was: after as many names as the first line held
        first = len(re.findall(r'"', value.split("\n")[0])) // 2
        replacement = "{" + ", ".join('"%s"' % n for n in wanted[:first]) + ",\n        " \
            + ", ".join('"%s"' % n for n in wanted[first:]) + "}"
    info.write_text(text[:match.start(1)] + replacement + text[match.end(1):])


def main():
    for module, types in SPI.items():
        for name in types:
            annotate(module, name)
    for module_dir in sorted(p for p in MAIN.iterdir() if p.is_dir()):
        info = module_dir / "package-info.java"
        if not info.exists():
            continue
        for target, types in SPI.items():
            if module_dir.name == target:
                continue
            used = used_types(module_dir, target)
            declared = re.search(r'allowedDependencies\s*=\s*(\{[^}]*\}|"[^"]*")', info.read_text())
            if not used & set(types) and not (declared and '"%s"' % target in declared.group(1)):
                continue
            rewrite(info, target, bool(used) and used <= set(types))
    print("SPI dependencies rewritten")


if __name__ == "__main__":
    main()
