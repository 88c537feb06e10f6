#!/usr/bin/env python3
"""Writes or checks the Debian machine-readable copyright file (DEP-5) of the tickler package.

    packaging/copyright.py [--scratch-path DIR] [--maintainer TEXT] > copyright
    packaging/copyright.py --check FILE [--scratch-path DIR]

The tickler binary links the Swift runtime, Foundation and every Swift package it depends
on statically, so its copyright file must name each of them with its licence. This script
reads them from the build itself: the package graph (`swift package show-dependencies`),
each checkout's own LICENSE and NOTICE files, and the toolchain's LICENSE.txt. A package
whose licence it does not recognise stops the build instead of being left out.

--check parses FILE with python3-debian's strict DEP-5 reader and fails unless every
package of the graph has its own `Files: NAME/*` paragraph with a licence that has text.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
COMMON_APACHE = "/usr/share/common-licenses/Apache-2.0"

# Third-party code vendored inside a package, which keeps its own licence. The path is
# relative to the package's checkout; `license_file` (if any) holds the licence text.
VENDORED = [
    ("swift-crypto", "Sources/CCryptoBoringSSL/*", "BoringSSL", "The BoringSSL Authors", "Apache-2.0", None),
    ("swift-nio-ssl", "Sources/CNIOBoringSSL/*", "BoringSSL", "The BoringSSL Authors", "Apache-2.0", None),
    ("swift-nio", "Sources/CNIOLLHTTP/*", "llhttp", "2018 Fedor Indutny", "MIT", "Sources/CNIOLLHTTP/LICENSE"),
    ("yams", "Sources/CYaml/*", "libyaml", "2006-2016 Kirill Simonov\n 2017-2020 Ingy döt Net", "MIT", "LICENSE"),
]


def fail(message):
    print(f"copyright.py: {message}", file=sys.stderr)
    sys.exit(1)


def package_graph(scratch):
    """Every package reachable from the root: {identity: (display name, checkout path)}."""
    swift = shutil.which("swift") or fail("swift is not on PATH")
    out = subprocess.run(
        [swift, "package", "--scratch-path", str(scratch), "show-dependencies", "--format", "json"],
        cwd=REPO, check=True, capture_output=True, text=True).stdout
    packages = {}

    def walk(node):
        for dep in node["dependencies"]:
            packages[dep["identity"]] = (pathlib.Path(dep["path"]).name, pathlib.Path(dep["path"]))
            walk(dep)

    walk(json.loads(out[out.index("{"):]))
    return packages


def read_first(folder, names):
    for name in names:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return None


def licence_of(text, where):
    if re.search(r"Apache License\s+Version 2\.0", text):
        return "Apache-2.0"
    if "Permission is hereby granted, free of charge" in text:
        return "MIT"
    fail(f"{where}: a licence this script does not know; add it to packaging/copyright.py")


def holders(notice, licence_text, name):
    lines = [line.strip() for line in (notice or "").splitlines() + licence_text.splitlines()]
    found = [re.sub(r"^Copyright\s*(\(c\)\s*)?", "", line, flags=re.I).rstrip(".")
             for line in lines if re.match(r"^Copyright\s*(\(c\)\s*)?\d", line, re.I)]
    return list(dict.fromkeys(found)) or [f"The {name} authors"]


def field_text(text):
    """A DEP-5 continuation block: each line indented by one space, blank lines as ' .'."""
    return "\n".join(" " + line.rstrip() if line.strip() else " ." for line in text.strip("\n").splitlines())


def toolchain_licence():
    swift = pathlib.Path(shutil.which("swift")).resolve()
    path = swift.parent.parent / "share" / "swift" / "LICENSE.txt"
    if not path.is_file():
        fail(f"{path}: the toolchain's licence is missing")
    return path.read_text(encoding="utf-8")


def mit_text(text):
    start = text.index("Permission is hereby granted")
    return text[start:]


def render(scratch, maintainer):
    packages = package_graph(scratch)
    paragraphs = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: tickler\n"
        f"Upstream-Contact: {maintainer}\n"
        "Comment: The tickler binary links the Swift runtime, Foundation and the Swift\n"
        " packages below statically; this file is generated from their own LICENSE and\n"
        " NOTICE files by packaging/copyright.py when the package is built.",
        "Files: *\nCopyright: 2026 The Tickler authors\nLicense: Apache-2.0",
    ]
    runtime = toolchain_licence()
    exception = runtime[runtime.index("## Runtime Library Exception"):] if "## Runtime Library Exception" in runtime else ""
    paragraphs.append(
        "Files: swift-runtime/* swift-foundation/* swift-corelibs-libdispatch/*\n"
        "Copyright: 2014-2026 Apple Inc. and the Swift project authors\n"
        "License: Apache-2.0 with Runtime Library Exception\n"
        + field_text("Licensed under the Apache License, Version 2.0; on Debian systems its text is in\n"
                     f"{COMMON_APACHE}.\n\n" + exception))
    paragraphs.append(
        "Files: swift-foundation-icu/*\n"
        "Copyright: 2016-2026 Unicode, Inc. and others\n"
        "License: Unicode-3.0\n"
        + field_text("ICU, linked into Foundation as swift-foundation-icu, is under the Unicode\n"
                     "License v3, whose text is at https://www.unicode.org/license.txt."))
    mit_texts = {}
    for identity in sorted(packages):
        name, path = packages[identity]
        licence_text = read_first(path, ["LICENSE.txt", "LICENSE", "LICENSE.md"])
        if licence_text is None:
            fail(f"{path}: no LICENSE file")
        licence = licence_of(licence_text, f"{path}/LICENSE")
        notice = read_first(path, ["NOTICE.txt", "NOTICE"])
        lines = [f"Files: {name}/*", "Copyright: " + "\n ".join(holders(notice, licence_text, name)),
                 f"License: {licence}"]
        if licence == "MIT":
            mit_texts.setdefault("MIT", mit_text(licence_text))
        if notice:
            lines.append("Comment: The package's NOTICE file:\n" + field_text(notice))
        paragraphs.append("\n".join(lines))
        for owner, files, component, copyright_, vendored_licence, licence_file in VENDORED:
            if owner != identity:
                continue
            if not any((path / files.rstrip("/*")).glob("*")):
                fail(f"{path}/{files}: expected {component} there; update VENDORED in packaging/copyright.py")
            if licence_file:
                mit_texts.setdefault("MIT", mit_text((path / licence_file).read_text(encoding="utf-8")))
            paragraphs.append(f"Files: {name}/{files}\nCopyright: {copyright_}\nLicense: {vendored_licence}\n"
                              f"Comment: {component}, vendored in {name}.")
    paragraphs.append("License: Apache-2.0\n" + field_text(
        "Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use\n"
        "this software except in compliance with the License.\n\n"
        f"On Debian systems, the complete text of the Apache License 2.0 can be found in\n{COMMON_APACHE}."))
    if "MIT" in mit_texts:
        paragraphs.append("License: MIT\n" + field_text(mit_texts["MIT"]))
    return "\n\n".join(paragraphs) + "\n"


def check(path, scratch):
    try:
        from debian import copyright as dep5
    except ImportError:
        fail("python3-debian is needed for --check (apt-get install python3-debian; run with /usr/bin/python3)")
    with open(path, encoding="utf-8") as handle:
        parsed = dep5.Copyright(handle, strict=True)
    standalone = {p.license.synopsis for p in parsed.all_license_paragraphs()}
    packages = package_graph(scratch)
    problems = []
    files = {}
    for paragraph in parsed.all_files_paragraphs():
        licence = paragraph.license
        if not licence.text.strip() and licence.synopsis not in standalone:
            problems.append(f"{' '.join(paragraph.files)}: licence {licence.synopsis} has no text")
        for pattern in paragraph.files:
            files[pattern] = paragraph
    for identity, (name, _) in sorted(packages.items()):
        if f"{name}/*" not in files:
            problems.append(f"{name} ({identity}) is linked into tickler but has no 'Files: {name}/*' paragraph")
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{path}: DEP-5 parses; {len(files)} Files paragraphs cover all "
          f"{len(packages)} packages of the build graph")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch-path", default=str(REPO / ".build"), help="the build's scratch path")
    parser.add_argument("--maintainer", default="The Tickler authors", help="Upstream-Contact")
    parser.add_argument("--check", metavar="FILE", help="check FILE instead of writing one")
    args = parser.parse_args()
    scratch = pathlib.Path(args.scratch_path).resolve()
    if args.check:
        check(args.check, scratch)
    else:
        sys.stdout.write(render(scratch, args.maintainer))


if __name__ == "__main__":
    main()
