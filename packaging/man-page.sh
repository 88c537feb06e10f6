#!/usr/bin/env bash
# Prints the tickler(1) man page (mdoc) on stdout, made by swift-argument-parser's
# generate-manual tool from `tickler --experimental-dump-help`: the same tool the
# package's GenerateManual plugin runs, built here from the resolved checkout (offline)
# without the plugin's extra build of the whole package.
#
#   packaging/man-page.sh TICKLER_BINARY SCRATCH_PATH
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
scratch=$2
parser="$scratch/checkouts/swift-argument-parser"
[[ -d "$parser" ]] || { echo "man-page: no $parser (run the release build first)" >&2; exit 1; }

tools="$scratch/argument-parser-tools"
swift build --package-path "$parser" --scratch-path "$tools" --product generate-manual >&2
generator="$(swift build --package-path "$parser" --scratch-path "$tools" --show-bin-path)/generate-manual"

# generate-manual documents hidden commands too (bench-ticks): it reads the help through
# this wrapper, which drops everything marked shouldDisplay: false (packaging/visible-help.py).
visible="$tools/tickler-visible-help"
printf '#!/bin/sh\n"%s" --experimental-dump-help | python3 "%s"\n' \
    "$(realpath "$bin")" "$(realpath packaging/visible-help.py)" > "$visible"
chmod +x "$visible"

date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
"$generator" "$visible" --section 1 --date "$date" --output-directory - \
    --authors "$(dpkg-parsechangelog -l packaging/debian/changelog -S Maintainer | sed 's/ *<\(.*\)>/<\1>/')" \
    | sed 's/^$/.Pp/'   # the help texts' blank lines: paragraph breaks, not empty roff input
