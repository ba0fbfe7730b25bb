#!/usr/bin/env python3
"""Replaces the hand-written SHA-256-to-hex and random-token copies with dev.attest.crypto.Digests/Tokens.

Rewrites, in src/main/java (monitoring's internals excepted: they are being reworked elsewhere):
  try { return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(X)); } catch (...) { throw ...; }
      -> return Digests.sha256Hex(X);      (X.getBytes(StandardCharsets.UTF_8) -> the text itself)
  try { return MessageDigest.getInstance("SHA-256"); } catch (...) { throw ...; }
      -> return Digests.sha256();
  byte[] b = new byte[N]; random.nextBytes(b); ... Base64.getUrlEncoder().withoutPadding().encodeToString(b)
      -> ... Tokens.urlSafe(N)
then drops SecureRandom fields and imports nothing uses any more, imports the helpers and lets the\nmodules that now use them depend on "crypto".
Idempotent. Run from the repository root after tools/split-crypto.py: python3 tools/use-crypto-helpers.py
"""
import importlib.util
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN = ROOT / "src" / "main" / "java" / "dev" / "attest"
SKIP = [MAIN / "monitoring", MAIN / "crypto" / "Digests.java", MAIN / "crypto" / "Tokens.java"]

CATCH = r"\n[ \t]*\} catch \((?:java\.security\.)?(?:NoSuchAlgorithmException|GeneralSecurityException) \w+\) \{\n[ \t]*throw new IllegalStateException\([^;]*\);\n[ \t]*\}"
HEX = re.compile(r"try \{\n([ \t]*)return HexFormat\.of\(\)\.formatHex\(MessageDigest\.getInstance\(\"SHA-256\"\)\.digest\((.+)\)\);" + CATCH)
HEX_VIA_LOCAL = re.compile(r"try \{\n([ \t]*)byte\[\] (\w+) = MessageDigest\.getInstance\(\"SHA-256\"\)\.digest\((.+)\);\n"
                           r"[ \t]*return HexFormat\.of\(\)\.formatHex\(\2\);" + CATCH)
DIGEST = re.compile(r"try \{\n[ \t]*return MessageDigest\.getInstance\(\"SHA-256\"\);" + CATCH)
TOKEN = re.compile(r"byte\[\] (\w+) = new byte\[(\d+)\];\n[ \t]*\w+\.nextBytes\(\1\);\n([ \t]*)(.*?)"
                   r"Base64\.getUrlEncoder\(\)\.withoutPadding\(\)\.encodeToString\(\1\)")
UTF8 = re.compile(r"^(.+)\.getBytes\(StandardCharsets\.UTF_8\)$")
OPTIONAL_IMPORTS = ["java.security.MessageDigest", "java.security.NoSuchAlgorithmException",
                    "java.security.GeneralSecurityException", "java.util.HexFormat", "java.nio.charset.StandardCharsets",
                    "java.security.SecureRandom", "java.util.Base64"]


def body(text):
    return "\n".join(l for l in text.split("\n") if not l.startswith("import ") and not l.startswith("package "))


def used(text, simple):
    return re.search(r"\b%s\b" % re.escape(simple), body(text)) is not None


def hex_call(match, group=2):
    argument = match.group(group)
    text = UTF8.match(argument)
    return "return Digests.sha256Hex(%s);" % (text.group(1) if text else argument)


def token_call(match):
    return match.group(4) + "Tokens.urlSafe(%s)" % match.group(2)


def drop_unused_random_fields(text):
    for field in re.finditer(r"\n[ \t]*private (?:static )?final SecureRandom (\w+) = new SecureRandom\(\);", text):
        rest = text.replace(field.group(0), "").replace("{\n\n\n", "{\n\n")
        if not re.search(r"\b%s\b" % field.group(1), rest):
            return drop_unused_random_fields(rest)
    return text


def fix_imports(text, helpers):
    lines = text.split("\n")
    for helper in helpers:
        line = "import dev.attest.crypto.%s;" % helper
        if used(text, helper) and line not in lines and "package dev.attest.crypto;" not in lines:
            anchor = next(n for n, l in enumerate(lines) if l.startswith("import "))
            lines.insert(anchor, line)
    text = "\n".join(lines)
    for name in OPTIONAL_IMPORTS:
        line = "import %s;" % name
        if line in text.split("\n") and not used(text, name.rsplit(".", 1)[1]):
            text = text.replace(line + "\n", "", 1)
    return text


def main():
    changed = []
    for path in sorted(MAIN.rglob("*.java")):
        if any(path == s or s in path.parents for s in SKIP):
            continue
        text = path.read_text()
        result = HEX.sub(hex_call, text)
        result = HEX_VIA_LOCAL.sub(lambda m: hex_call(m, 3), result)
        result = DIGEST.sub("return Digests.sha256();", result)
        result = TOKEN.sub(token_call, result)
        if result == text:
            continue
        result = drop_unused_random_fields(result)
        result = fix_imports(result, ["Digests", "Tokens"])
        path.write_text(result)
        changed.append(str(path.relative_to(ROOT)))
    split = importlib.util.spec_from_file_location("split_crypto", ROOT / "tools" / "split-crypto.py")
    module = importlib.util.module_from_spec(split)
    split.loader.exec_module(module)
    module.allow_crypto()
    print("rewrote %d files" % len(changed))
    for c in changed:
        print("  " + c)


if __name__ == "__main__":
    main()
