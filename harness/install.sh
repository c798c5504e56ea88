#!/usr/bin/env bash
# Installs the test/run harness: a real VS Code server (code-server 4.100.3 = VS Code 1.100)
# and playwright-core, using only the npm registry and Debian apt. Idempotent: a stamp keyed by
# the lockfile's hash skips the work when nothing changed.
#
# code-server's own postinstall downloads from GitHub (ripgrep) and runs `npx node-gyp`, which
# cannot work here, so the install runs with --ignore-scripts and redoes the needed steps by hand.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CS="$HERE/node_modules/code-server"
VSC="$CS/lib/vscode"
STAMP="$HERE/node_modules/.value-lens-harness"
say() { printf '[harness] %s\n' "$*"; }

# 1. Debian packages: chromium hosts the workbench, ripgrep replaces @vscode/ripgrep's download,
#    libkrb5-dev and build-essential build code-server's native modules.
APT_PKGS=(chromium ripgrep libkrb5-dev build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    say "missing Debian packages: ${missing[*]}"
    say "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]]; then
  say "code-server 4.100.3 needs Node.js 20; this is $(node -v)"
  exit 1
fi

want="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
  exit 0
fi

# node-gyp would download Node's headers from nodejs.org; use the local ones.
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [[ ! -f "$NODE_PREFIX/include/node/common.gypi" ]]; then
  say "Node.js headers not found under $NODE_PREFIX/include/node (needed to build code-server's native modules)"
  exit 1
fi
export npm_config_nodedir="$NODE_PREFIX"
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"

say "installing code-server 4.100.3 and playwright-core (about a minute, once)"
(cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
# argon2: force a local build instead of node-pre-gyp's GitHub download.
(cd "$HERE" && npm_config_build_from_source=true npm rebuild argon2 --loglevel=error >/dev/null)
(cd "$VSC" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
(cd "$VSC" && npm rebuild @vscode/spdlog @vscode/deviceid native-watchdog --loglevel=error >/dev/null)
(cd "$VSC" && npm_config_build_from_source=true npm rebuild kerberos --loglevel=error >/dev/null)
# node-pty's postinstall only runs `npx node-gyp` for compile_commands.json: build it directly.
(cd "$VSC/node_modules/node-pty" && node "$NODE_GYP" rebuild >/dev/null 2>&1)
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSC/node_modules.asar"
(cd "$VSC/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSC/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$VSC/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error && node postinstall.mjs >/dev/null)
(cd "$VSC" && node -e 'for (const m of ["@vscode/spdlog","@vscode/deviceid","native-watchdog","kerberos","node-pty","@parcel/watcher"]) require(m)')
(cd "$CS" && node -e 'require("argon2")')
echo "$want" > "$STAMP"
say "installed"
