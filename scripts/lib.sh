# shellcheck shell=bash
# Shared by scripts/setup, test, lint and develop: find or build the Python 3.14
# environment and run commands in it. Source it; it defines functions only.
#
# Two modes:
#   native  a Python >= 3.14.2 exists here: .venv in the checkout.
#   chroot  otherwise, as root on Debian/Ubuntu: a Debian testing root built with
#           debootstrap (Python 3.14, qbittorrent-nox 5.3.0), plus bullseye,
#           bookworm and trixie roots holding qbittorrent-nox 4.2.5, 4.5.2 and
#           5.1.0. Commands run in a private mount namespace (unshare), so the
#           bind mounts vanish when the command ends, even if killed, and
#           parallel runs never share a mount.

set -euo pipefail

CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/qbittorrent-webui-dev"
DEBIAN_MIRROR="${QBT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
MIN_PYTHON="3.14.2"

# Roots: name, suite, packages. Changing a line changes its hash and rebuilds it.
ENV_ROOT_SUITE="testing"
ENV_ROOT_PACKAGES="python3.14,python3.14-venv,python3.14-dev,gcc,g++,libc6-dev,ca-certificates,qbittorrent-nox,procps"
QBT_ROOTS="bullseye bookworm trixie"
QBT_ROOT_PACKAGES="ca-certificates,qbittorrent-nox"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

recipe_hash() { printf '%s' "recipe-v1 $*" | sha256sum | cut -c1-12; }

# A python3 at or above MIN_PYTHON on PATH or known to uv, or nothing.
find_native_python() {
    local candidate
    for candidate in python3.14 python3.15 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c "import sys; sys.exit(sys.version_info < (3, 14, 2))" 2>/dev/null; then
            command -v "$candidate"
            return
        fi
    done
    if command -v uv >/dev/null 2>&1; then
        uv python find --no-python-downloads ">=$MIN_PYTHON" 2>/dev/null || true
    fi
}

detect_mode() {
    if [[ -n "${QBT_ENV_MODE:-}" ]]; then
        echo "$QBT_ENV_MODE"
    elif [[ -n "$(find_native_python)" ]]; then
        echo native
    else
        echo chroot
    fi
}

# The CA bundle that pip on this host trusts (a proxy may re-sign TLS).
host_ca_bundle() {
    local candidate
    for candidate in "${PIP_CERT:-}" "${SSL_CERT_FILE:-}" "${REQUESTS_CA_BUNDLE:-}" \
        /etc/ssl/certs/ca-certificates.crt; do
        if [[ -n "$candidate" && -f "$candidate" ]]; then
            echo "$candidate"
            return
        fi
    done
}

require_chroot_tools() {
    [[ "$(id -u)" == 0 ]] || die "No Python >= $MIN_PYTHON found, and building a Debian root needs root.
Install Python $MIN_PYTHON or newer (e.g. 'uv python install 3.14', your distribution's python3.14),
or run this script as root on Debian/Ubuntu so it can build one with debootstrap."
    command -v unshare >/dev/null || die "'unshare' (util-linux) is missing: apt-get install util-linux"
    command -v flock >/dev/null || die "'flock' (util-linux) is missing: apt-get install util-linux"
    if ! command -v debootstrap >/dev/null; then
        command -v apt-get >/dev/null || die "debootstrap is missing and this is not a Debian/Ubuntu host; install debootstrap."
        log "installing debootstrap (apt-get)"
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2 ||
            die "could not install debootstrap; run: apt-get update && apt-get install debootstrap"
    fi
}

# root_path NAME SUITE PACKAGES: where that recipe's root lives.
root_path() { echo "$CACHE_DIR/roots/$1-$(recipe_hash "$2" "$3" "$DEBIAN_MIRROR")"; }

# build_root NAME SUITE PACKAGES -> prints the root's path; builds it once per recipe.
build_root() {
    local name="$1" suite="$2" packages="$3"
    local root
    root="$(root_path "$name" "$suite" "$packages")"
    if [[ ! -e "$root/.complete" ]]; then
        log "building Debian $suite root for $name (debootstrap, about a minute): $root"
        rm -rf "$root.partial"
        if ! debootstrap --variant=minbase --include="$packages" "$suite" "$root.partial" "$DEBIAN_MIRROR" \
            >"$CACHE_DIR/debootstrap-$name.log" 2>&1; then
            tail -n 20 "$CACHE_DIR/debootstrap-$name.log" >&2
            rm -rf "$root.partial"
            die "debootstrap of Debian $suite failed (log: $CACHE_DIR/debootstrap-$name.log)"
        fi
        touch "$root.partial/.complete"
        mv "$root.partial" "$root"
    fi
    echo "$root"
}

env_root() { root_path env "$ENV_ROOT_SUITE" "$ENV_ROOT_PACKAGES"; }
qbt_root() { root_path "qbt-$1" "$1" "$QBT_ROOT_PACKAGES"; }

# Which Home Assistant the commands run on, chosen by QBT_HA:
#   latest  (default) the pinned latest: requirements_test.txt + requirements_dev.txt
#   min     the oldest supported, hacs.json's minimum: requirements_test_min.txt
# Each has its own virtualenv (/opt/venv, /opt/venv-min; native: .venv, .venv-min).
ha_target() {
    case "${QBT_HA:-latest}" in
        latest | min) echo "${QBT_HA:-latest}" ;;
        *) die "QBT_HA must be latest or min, not '${QBT_HA}'" ;;
    esac
}

# requirements_files TARGET: the pinned files installed into that target's virtualenv.
requirements_files() {
    case "$1" in
        latest) echo requirements_test.txt requirements_dev.txt ;;
        min) echo requirements_test_min.txt ;;
    esac
}

# venv_name TARGET: venv or venv-min.
venv_name() { if [[ "$1" == min ]]; then echo venv-min; else echo venv; fi; }

# requirements_hash TARGET: the stamp of what that target's virtualenv holds.
requirements_hash() {
    local file
    for file in $(requirements_files "$1"); do cat "$CHECKOUT/$file"; done | sha256sum | cut -c1-16
}

# install_chroot_venv ROOT TARGET: that target's pinned test stack in ROOT's /opt/venv[-min].
install_chroot_venv() {
    local root="$1" target="$2"
    local venv stamp file
    venv="/opt/$(venv_name "$target")"
    stamp="$(requirements_hash "$target")"
    [[ "$(cat "$root$venv/.requirements" 2>/dev/null)" == "$stamp" ]] && return
    log "installing the pinned test stack ($target Home Assistant) into the root's $venv (under a minute)"
    local -a pip_args=()
    for file in $(requirements_files "$target"); do
        cp "$CHECKOUT/$file" "$root/tmp/"
        pip_args+=(-r "/tmp/$file")
    done
    run_in_chroot_root "$root" /bin/sh -c '
        set -e
        venv="$1"; shift
        [ -x "$venv/bin/python" ] || /usr/bin/python3.14 -m venv "$venv"
        "$venv/bin/pip" install --quiet --upgrade pip
        "$venv/bin/pip" install --quiet "$@"' _ "$venv" "${pip_args[@]}"
    echo "$stamp" >"$root$venv/.requirements"
}

# setup_chroot TARGET...: the Debian roots, and the virtualenvs of those targets.
setup_chroot() {
    require_chroot_tools
    mkdir -p "$CACHE_DIR/roots"
    # One builder at a time; a second run waits, then finds everything built.
    exec 9>"$CACHE_DIR/setup.lock"
    flock 9
    local root suite pid
    local -a builders=()
    # The roots are independent: build them side by side.
    build_root env "$ENV_ROOT_SUITE" "$ENV_ROOT_PACKAGES" >/dev/null &
    builders+=($!)
    for suite in $QBT_ROOTS; do
        build_root "qbt-$suite" "$suite" "$QBT_ROOT_PACKAGES" >/dev/null &
        builders+=($!)
    done
    for pid in "${builders[@]}"; do
        wait "$pid" || die "building the Debian roots failed (see above)"
    done
    root="$(env_root)"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    local bundle
    bundle="$(host_ca_bundle)"
    [[ -n "$bundle" ]] && cp "$bundle" "$root/etc/ssl/certs/host-ca-bundle.crt"
    local target
    for target in "$@"; do
        install_chroot_venv "$root" "$target"
    done
    flock -u 9
    log "environment ready: Debian $ENV_ROOT_SUITE root $root"
}

# setup_native TARGET...: .venv (latest) and/or .venv-min (min) in the checkout.
setup_native() {
    local python target venv stamp file
    python="$(find_native_python)"
    for target in "$@"; do
        venv="$CHECKOUT/.$(venv_name "$target")"
        [[ -x "$venv/bin/python" ]] || { log "creating $venv with $python"; "$python" -m venv "$venv"; }
        stamp="$(requirements_hash "$target")"
        if [[ "$(cat "$venv/.requirements" 2>/dev/null)" != "$stamp" ]]; then
            log "installing the pinned test stack ($target Home Assistant) into $venv"
            local -a pip_args=()
            for file in $(requirements_files "$target"); do pip_args+=(-r "$CHECKOUT/$file"); done
            "$venv/bin/pip" install --quiet "${pip_args[@]}"
            echo "$stamp" >"$venv/.requirements"
        fi
        log "environment ready: $venv ($python)"
    done
}

# setup_environment [TARGET...]: the environment for those targets (default: QBT_HA's).
setup_environment() {
    if [[ $# -eq 0 ]]; then
        local current
        current="$(ha_target)"
        set -- "$current"
    fi
    case "$(detect_mode)" in
        native) setup_native "$@" ;;
        chroot) setup_chroot "$@" ;;
        *) die "QBT_ENV_MODE must be native or chroot" ;;
    esac
}

# Variables that cross into the environment; everything else stays outside.
passthrough_env() {
    local name
    for name in CI TERM COLUMNS PYTEST_ADDOPTS QBT_REQUIRE_REAL_SERVERS QBT_DEVELOP_BACKEND QBT_HA; do
        [[ -n "${!name:-}" ]] && printf '%s=%s\n' "$name" "${!name}"
    done
    return 0
}

# run_in_chroot_root ROOT CMD...: run CMD inside ROOT in a private mount namespace.
run_in_chroot_root() {
    local root="$1"
    shift
    local -a env_vars
    mapfile -t env_vars < <(passthrough_env)
    env_vars+=(
        "PATH=/opt/$(venv_name "$(ha_target)")/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        "HOME=/root" "LANG=C.UTF-8" "QBT_ROOTS_DIR=/opt/qbittorrent-roots"
        "PIP_CERT=/etc/ssl/certs/host-ca-bundle.crt" "SSL_CERT_FILE=/etc/ssl/certs/host-ca-bundle.crt"
        "PYTHONDONTWRITEBYTECODE=1"
    )
    local suite mounts=""
    for suite in $QBT_ROOTS; do
        mounts+="mkdir -p '$root/opt/qbittorrent-roots/$suite'; mount --bind '$(qbt_root "$suite")' '$root/opt/qbittorrent-roots/$suite';"
    done
    # The namespace is private, so these mounts disappear with it; the trap
    # unmounts explicitly anyway, also on failure and Ctrl-C.
    unshare --mount --propagation private /bin/bash -c '
        set -e
        root="$1"; checkout="$2"; shift 2
        cleanup() { umount -R -l "$root/proc" "$root/dev" "$root$checkout" "$root"/opt/qbittorrent-roots/* 2>/dev/null || true; }
        trap cleanup EXIT INT TERM
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mkdir -p "$root$checkout"
        mount --bind "$checkout" "$root$checkout"
        '"$mounts"'
        chroot "$root" /usr/bin/env -i "$@"
    ' _ "$root" "$CHECKOUT" "${env_vars[@]}" /bin/sh -c 'cd "$0" && exec "$@"' "$CHECKOUT" "$@"
}

# run_in_environment CMD...: run CMD (e.g. python -m pytest) with the project's Python, cwd = checkout.
run_in_environment() {
    case "$(detect_mode)" in
        native)
            (cd "$CHECKOUT" && PATH="$CHECKOUT/.$(venv_name "$(ha_target)")/bin:$PATH" "$@")
            ;;
        chroot)
            run_in_chroot_root "$(env_root)" "$@"
            ;;
    esac
}
