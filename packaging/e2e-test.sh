#!/usr/bin/env bash
# End-to-end test of the Debian package on a clean Debian 12 root (docs/packaging.md):
# install, check, upgrade with an edited rules file kept, remove, purge in a chroot;
# then, where `systemd-nspawn --boot` works, the service under a real systemd: start,
# reload, a bad reload, stop, upgrade restart, journal entries, systemd-analyze.
#
#   packaging/e2e-test.sh          (as root; about 5 minutes here with a cached root and release build)
#
# The debootstrapped root is cached in .build/e2e/base-bookworm (delete it to refresh);
# every run works on a fresh copy. TICKLER_E2E_MIRROR overrides the Debian mirror.
# Prints one line per check and a count; exits 1 if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

mirror=${TICKLER_E2E_MIRROR:-http://deb.debian.org/debian}
work=.build/e2e
base=$work/base-bookworm
root=$work/root
started=$(date +%s)
passed=0
failed=0
skipped=0

[[ "$(id -u)" -eq 0 ]] || { echo "e2e: run as root (debootstrap, chroot and systemd-nspawn need it)" >&2; exit 2; }

missing=()
while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < packaging/debian-packages
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- reporting

log=$work/check.log
mkdir -p "$work"
pass() { passed=$((passed + 1)); echo "  ok    $1"; }
fail() {
    failed=$((failed + 1)); echo "  FAIL  $1"
    [[ -s "$log" ]] && sed 's/^/        | /' "$log" | tail -20
    return 0
}
# check NAME COMMAND...: one check; the command's output is shown only when it fails.
check() {
    local name=$1; shift
    if "$@" >"$log" 2>&1; then pass "$name"; else fail "$name"; fi
}
skip() { skipped=$((skipped + 1)); echo "  SKIP  $1"; }

# ---- the Debian root

in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
unmount_root() {
    if mountpoint -q "$root/proc" 2>/dev/null; then umount "$root/proc"; fi
}
machine_pid=""
nspawn_pid=""
cleanup() {
    if [[ -n "$nspawn_pid" ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null || true
        wait "$nspawn_pid" 2>/dev/null || true
    fi
    unmount_root
}
trap cleanup EXIT

if [[ ! -f "$base/etc/debian_version" ]]; then
    echo "== debootstrap Debian 12 into $base (once; about 3 minutes)"
    rm -rf --one-file-system "$base.tmp"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus bookworm "$base.tmp" "$mirror"
    mv "$base.tmp" "$base"
fi
unmount_root
rm -rf --one-file-system "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"

# ---- the packages: this version, and a rebuild with a higher version whose rules.yaml
# changed too, so the upgrade meets a conffile both sides edited.

echo "== build the packages"
build_line() { packaging/build-deb.sh "$@" | tee "$work/build.log" | sed -n 's/^built //p'; }
deb1=$(build_line)
[[ -f "$deb1" ]] || { cat "$work/build.log"; echo "e2e: build-deb.sh failed"; exit 1; }
v1=$(dpkg-deb -f "$deb1" Version)
upstream=${v1%-*}
deb2_plain=$(build_line --revision "${v1##*-}+e2e1")
v2=$(dpkg-deb -f "$deb2_plain" Version)
unpacked=$work/v2
rm -rf "$unpacked"
dpkg-deb -R "$deb2_plain" "$unpacked"
echo "# rules shipped with $v2" >> "$unpacked/etc/tickler/rules.yaml"
deb2=$work/tickler_${v2}_amd64.deb
dpkg-deb --root-owner-group -b "$unpacked" "$deb2" >/dev/null
cp "$deb1" "$root/root/tickler-1.deb"
cp "$deb2" "$root/root/tickler-2.deb"
echo "   $v1 -> $v2"

lint_clean() {
    local out
    out=$(lintian "$deb1" 2>&1 | grep -v "running with root privileges" || true)
    echo "$out"
    [[ -z "$out" ]]
}
check "lintian $(basename "$deb1"): no errors, no warnings" lint_clean

status() { in_root dpkg-query -W -f='${db:Status-Abbrev}${Version}' tickler 2>/dev/null || true; }
expect_status() { [[ "$(status)" == "$1" ]] || { echo "dpkg status: '$(status)', expected '$1'"; return 1; }; }

echo "== install in a chroot (no systemd running)"
in_root dpkg -i /root/tickler-1.deb >"$log" 2>&1 || true   # procps is missing: left unconfigured
check "apt-get -f install completes the install" in_root apt-get -f install -y -q
check "tickler $v1 is installed" expect_status "ii $v1"
check "apt-get -f install pulled in procps (for /bin/kill)" in_root dpkg-query -W procps
check "tickler is a system user in group mail" \
    in_root sh -c '[ "$(id -u tickler)" -lt 1000 ] && id -nG tickler | grep -qw mail'
check "/var/lib/tickler/state is 0700 tickler:tickler" \
    in_root sh -c '[ "$(stat -c "%a %U %G" /var/lib/tickler/state)" = "700 tickler tickler" ]'
check "the unit is enabled (multi-user.target.wants)" \
    test -L "$root/etc/systemd/system/multi-user.target.wants/tickler.service"
check "tickler --version prints $upstream and the licence" \
    in_root sh -c "tickler --version | head -n 1 | grep -qx '$upstream' && tickler --version | grep -q 'Apache License'"
check "the copyright file names every package linked into tickler" \
    /usr/bin/python3 packaging/copyright.py --check "$root/usr/share/doc/tickler/copyright" --scratch-path .build-release
check "tickler check /etc/tickler/rules.yaml" in_root tickler check /etc/tickler/rules.yaml
check "the shipped rule tests pass: tickler test examples/tests/*.yaml" \
    in_root sh -c 'tickler test /usr/share/doc/tickler/examples/tests/*.yaml'
check "both files in /etc/tickler are conffiles" \
    in_root sh -c 'dpkg-query -W -f="\${Conffiles}" tickler | grep -c "^ /etc/tickler/\(rules\|tickler\)\.yaml " | grep -qx 2'
check "the journal catalog is installed and parses" \
    in_root sh -c 'journalctl --update-catalog && journalctl --list-catalog 50f14d7612fb49c78e1993cd21032b64 | grep -q "is due on @TICKLER_DUE@"'
check "man page tickler(1) and bash completion" \
    in_root sh -c 'zcat /usr/share/man/man1/tickler.1.gz | grep -q "^\.Dt TICKLER 1" && bash -n /usr/share/bash-completion/completions/tickler'
check "the man page leaves out the hidden bench-ticks" \
    in_root sh -c '! zcat /usr/share/man/man1/tickler.1.gz | grep -q bench-ticks'

echo "== upgrade to $v2 with an edited rules file (--force-confold)"
in_root sed -i 's/^\(  remind_before:\) 1d/\1 2d/' /etc/tickler/rules.yaml
echo "# edited by the office manager" >> "$root/etc/tickler/rules.yaml"
in_root install -o tickler -g tickler -m 0600 /dev/null /var/lib/tickler/state/e2e-marker
check "dpkg -i --force-confold (no prompt)" in_root dpkg -i --force-confold /root/tickler-2.deb </dev/null
check "tickler $v2 is installed" expect_status "ii $v2"
check "the manager's edit of rules.yaml is kept" \
    in_root sh -c 'grep -q "^  remind_before: 2d" /etc/tickler/rules.yaml && grep -q "edited by the office manager" /etc/tickler/rules.yaml'
check "the new shipped rules wait in rules.yaml.dpkg-dist" \
    in_root grep -q "rules shipped with $v2" /etc/tickler/rules.yaml.dpkg-dist
check "tickler check accepts the edited rules" in_root tickler check /etc/tickler/rules.yaml
check "the state folder survived the upgrade" test -f "$root/var/lib/tickler/state/e2e-marker"

echo "== remove"
check "dpkg -r tickler" in_root dpkg -r tickler
check "removed, config files kept (rc)" expect_status "rc $v2"
check "the binary is gone" test ! -e "$root/usr/bin/tickler"
check "state, user and rules are kept on remove" \
    in_root sh -c 'test -f /var/lib/tickler/state/e2e-marker && id tickler && grep -q "edited by the office manager" /etc/tickler/rules.yaml'

echo "== purge"
check "dpkg -P tickler" in_root dpkg -P tickler
purged() { local s; s=$(status); [[ -z "$s" || "$s" == un* || "$s" == pn* ]]; }
check "dpkg no longer knows tickler" purged
check "/var/lib/tickler and /etc/tickler are gone" \
    in_root sh -c '! test -e /var/lib/tickler && ! test -e /etc/tickler'
check "user and group tickler are gone" in_root sh -c '! getent passwd tickler && ! getent group tickler'
check "the unit's enablement is gone" \
    test ! -e "$root/etc/systemd/system/multi-user.target.wants/tickler.service"

# ---- the service under a booted systemd

echo "== boot the root with systemd-nspawn"
in_root dpkg -i /root/tickler-1.deb >"$log" 2>&1 || fail "reinstall $v1 for the boot"
cp -r "$root/usr/share/doc/tickler/examples/example-store/." "$root/var/lib/tickler/store/"
in_root chown -R tickler:tickler /var/lib/tickler/store
unmount_root

# in_machine COMMAND...: run a command inside the booted container.
in_machine() {
    nsenter -t "$machine_pid" -a /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
# wait_for SECONDS COMMAND...: poll until the command succeeds.
wait_for() {
    local limit=$1; shift
    local deadline=$(($(date +%s) + limit))
    until "$@"; do
        (($(date +%s) < deadline)) || return 1
        sleep 1
    done
}

systemd-nspawn -D "$root" --boot --register=no --keep-unit --machine tickler-e2e -q \
    >"$work/boot.log" 2>&1 </dev/null &
nspawn_pid=$!
boot_state() {
    machine_pid=$(pgrep -P "$nspawn_pid" | head -1 || true)
    [[ -n "$machine_pid" ]] || return 1
    state=$(in_machine systemctl is-system-running --wait 2>/dev/null || true)
    [[ "$state" == running || "$state" == degraded ]]
}
state=""
if wait_for 90 boot_state; then
    echo "   booted ($state)"
    [[ "$state" == degraded ]] && in_machine systemctl --failed --no-pager --plain | sed 's/^/   /'

    journal_has() { in_machine journalctl -q -u tickler -o verbose --no-pager "$@" | grep -q .; }
    main_pid() { in_machine systemctl show -P MainPID tickler; }
    ticked() { in_machine journalctl -u tickler -o verbose --no-pager | grep -q '^    TICKLER_KEY='; }
    reloaded() { journal_has MESSAGE_ID=bdb2fe02a49043b0ae5c4b5b6f5ab844 && [[ "$(main_pid)" == "$pid_before" ]]; }
    reload_refused() {
        journal_has MESSAGE_ID=2dfaf74c4db145d09800f28b1d914e05 && in_machine systemctl is-active -q tickler \
            && [[ "$(main_pid)" == "$pid_before" ]]
    }
    inactive() { [[ "$(in_machine systemctl is-active tickler)" == inactive ]]; }
    verify_clean() {
        local out
        out=$(in_machine systemd-analyze verify /usr/lib/systemd/system/tickler.service 2>&1)
        echo "$out"
        [[ -z "$out" ]]
    }
    restarted() {
        local pid
        pid=$(main_pid)
        [[ "$pid" != 0 && "$pid" != "$pid_before" ]] && in_machine systemctl is-active -q tickler
    }
    removed_and_stopped() { in_machine dpkg -r tickler && inactive; }
    purged_in_machine() {
        in_machine dpkg -P tickler && ! in_machine getent passwd tickler && ! in_machine test -e /var/lib/tickler
    }

    check "tickler.service is active after boot (enabled on install)" \
        wait_for 30 in_machine systemctl is-active -q tickler
    check "journalctl -u tickler: the daemon started (READY=1)" \
        wait_for 30 journal_has MESSAGE_ID=24409b58c058420cb9060e658f1406c0
    check "journalctl -u tickler: a tick delivered notices (TICKLER_KEY fields)" wait_for 30 ticked

    pid_before=$(main_pid)
    check "systemctl reload tickler" in_machine systemctl reload tickler
    check "journal: reloaded, same process" wait_for 20 reloaded

    cp "$root/etc/tickler/rules.yaml" "$work/rules.good"
    echo "bogus_section: 1" >> "$root/etc/tickler/rules.yaml"
    in_machine systemctl reload tickler >"$log" 2>&1 || true
    check "a reload with a broken rules file is logged; the daemon keeps running" wait_for 20 reload_refused
    cp "$work/rules.good" "$root/etc/tickler/rules.yaml"

    check "systemctl stop tickler" in_machine systemctl stop tickler
    check "is-active: inactive after stop" inactive
    check "journal: the daemon logged that it stops" journal_has MESSAGE_ID=989307ed0f27490c87bb50457d8146ed
    check "systemctl start tickler" in_machine systemctl start tickler
    check "is-active: active after start" in_machine systemctl is-active -q tickler

    check "systemd-analyze verify tickler.service is clean" verify_clean
    in_machine systemd-analyze security --no-pager tickler >"$work/security.log" 2>&1 || true
    echo "   systemd-analyze security tickler: $(grep -o 'Overall exposure level.*' "$work/security.log" \
        | sed 's/\x1b\[[0-9;]*m//g')"

    pid_before=$(main_pid)
    check "upgrade under systemd: dpkg -i --force-confold" \
        in_machine dpkg -i --force-confold /root/tickler-2.deb </dev/null
    check "postinst try-restarted the running daemon (new MainPID, active)" wait_for 20 restarted
    check "dpkg -r stops the daemon" removed_and_stopped
    check "dpkg -P removes the user and the state" purged_in_machine

    in_machine systemctl poweroff >/dev/null 2>&1 || true
    wait_for 30 eval "! kill -0 $nspawn_pid 2>/dev/null" || true
else
    skip "systemd-nspawn --boot does not work on this machine, so systemctl start/reload/stop and journalctl -u tickler are not tested here ($work/boot.log):"
    sed 's/^/        | /' "$work/boot.log" | tail -5
fi

elapsed=$(($(date +%s) - started))
echo "== e2e: $passed passed, $failed failed, $skipped skipped in $((elapsed / 60))m$((elapsed % 60))s"
((failed == 0))
