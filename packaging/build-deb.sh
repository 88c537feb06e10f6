#!/usr/bin/env bash
# Builds the Debian package .build/deb/tickler_VERSION_amd64.deb from this checkout
# (SPEC section 2, docs/packaging.md).
#
#   packaging/build-deb.sh [--revision N]
#
# The upstream version is Tickler.version (Sources/tickler/Version.swift, what
# `tickler --version` prints); the Debian revision comes from the top entry of
# packaging/debian/changelog, whose upstream part must agree. --revision N builds the
# same binary as VERSION-N with a generated changelog entry on top (the end-to-end
# test's upgrade). The release binary is built once into .build-release and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

die() { echo "build-deb: $*" >&2; exit 1; }

revision=""
while (($#)); do
    case "$1" in
        --revision) [[ $# -ge 2 && "$2" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] || die "--revision needs a value like 2"
                    revision=$2; shift 2 ;;
        -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

upstream=$(sed -n 's/^ *static let version = "\([^"]*\)".*/\1/p' Sources/tickler/Version.swift)
[[ "$upstream" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] || die "no version in Sources/tickler/Version.swift"
changelog=packaging/debian/changelog
logged=$(dpkg-parsechangelog -l "$changelog" -S Version)
[[ "${logged%-*}" == "$upstream" ]] \
    || die "$changelog starts with $logged but Tickler.version is $upstream: add a changelog entry"
maintainer=$(dpkg-parsechangelog -l "$changelog" -S Maintainer)
version=${logged}
[[ -n "$revision" ]] && version="$upstream-$revision"
# Reproducible timestamps, as dpkg-buildpackage does: the changelog entry's date.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(dpkg-parsechangelog -l "$changelog" -S Timestamp)}

scratch=.build-release
echo "== release build (static Swift runtime) into $scratch"
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product tickler
bin="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/tickler"
[[ "$("$bin" --version | head -n 1)" == "$upstream" ]] || die "$bin --version does not print $upstream"

out=.build/deb
root="$out/tickler_${version}_amd64"
deb="$out/tickler_${version}_amd64.deb"
rm -rf "$root" "$deb"
umask 022
mkdir -p "$root/DEBIAN"

echo "== staging $root"
install -D -m 0755 "$bin" "$root/usr/bin/tickler"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$root/usr/bin/tickler"

install -D -m 0644 systemd/tickler.service "$root/usr/lib/systemd/system/tickler.service"
install -D -m 0644 systemd/tickler.sysusers "$root/usr/lib/sysusers.d/tickler.conf"
install -D -m 0644 systemd/tickler.tmpfiles "$root/usr/lib/tmpfiles.d/tickler.conf"
install -D -m 0644 systemd/tickler.catalog "$root/usr/lib/systemd/catalog/tickler.catalog"

# Conffiles: the daemon config and the office rules (its schema comment points at the
# installed schema instead of a file beside it).
install -D -m 0644 packaging/tickler.yaml "$root/etc/tickler/tickler.yaml"
sed '1s|\$schema=\./tickler-rules\.schema\.json|$schema=/usr/share/tickler/tickler-rules.schema.json|' \
    rules/office.yaml > "$root/etc/tickler/rules.yaml"
chmod 0644 "$root/etc/tickler/rules.yaml"
install -D -m 0644 rules/tickler-rules.schema.json "$root/usr/share/tickler/tickler-rules.schema.json"

doc="$root/usr/share/doc/tickler"
install -D -m 0644 README.md "$doc/README.md"
# Uncompressed: the journal catalog links daemon.md and reports.md by file: URL.
install -m 0644 docs/*.md "$doc/"
# Generated from the linked packages' own LICENSE and NOTICE files (DEP-5).
python3 packaging/copyright.py --scratch-path "$scratch" --maintainer "$maintainer" > "$doc/copyright"
chmod 0644 "$doc/copyright"
install -D -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/tickler"
{
    if [[ "$version" != "$logged" ]]; then
        printf 'tickler (%s) unstable; urgency=medium\n\n  * Rebuild of %s as revision %s.\n\n -- %s  %s\n\n' \
            "$version" "$upstream" "$revision" "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
    fi
    cat "$changelog"
} | gzip -9n > "$doc/changelog.Debian.gz"
# Examples keep the repository's layout, so the rule tests run where they are:
#   tickler test /usr/share/doc/tickler/examples/tests/*.yaml
mkdir -p "$doc/examples"
cp -r rules/office.yaml rules/tickler.yaml rules/tickler-rules.schema.json rules/example-store rules/tests rules/import \
    "$doc/examples/"

install -d "$root/usr/share/bash-completion/completions"
# A completion is sourced, not run: without the generator's #! line.
"$bin" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/tickler"

install -d "$root/usr/share/man/man1"
packaging/man-page.sh "$bin" "$scratch" > "$root/usr/share/man/man1/tickler.1"
gzip -9n "$root/usr/share/man/man1/tickler.1"

echo "== control files"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"
printf '/etc/tickler/rules.yaml\n/etc/tickler/tickler.yaml\n' > "$root/DEBIAN/conffiles"

# Shared-library dependencies as dpkg-shlibdeps finds them (it wants a debian/control).
shlibs_dir=$(mktemp -d)
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir "$shlibs_dir/debian"
printf 'Source: tickler\n\nPackage: tickler\nArchitecture: amd64\n' > "$shlibs_dir/debian/control"
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O -e "$repo/$root/usr/bin/tickler" 2>/dev/null)
shlibs=${shlibs#shlibs:Depends=}
[[ -n "$shlibs" ]] || die "dpkg-shlibdeps found no dependencies"
# procps: /bin/kill (ExecReload); systemd: systemd-sysusers and systemd-tmpfiles in
# postinst; tzdata: the rules' IANA timezone (Foundation reads /usr/share/zoneinfo).
depends="$shlibs, procps, systemd, tzdata"

(cd "$root" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\n' | LC_ALL=C sort \
    | xargs -d '\n' md5sum) > "$root/DEBIAN/md5sums"
size=$(du -k -s --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@SIZE@|$size|" \
    -e "s|@DEPENDS@|$depends|" packaging/debian/control.in > "$root/DEBIAN/control"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "built $deb"
echo "  Depends: $depends"
