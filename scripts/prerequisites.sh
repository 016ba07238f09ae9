# Sourced by run.sh and test.sh: installs what the project needs on a fresh Debian machine.
# Every function is idempotent and says what it does.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"
BUF_VERSION="1.75.0"

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get not found: install $* yourself"; return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { say "the .NET SDK (dotnet) is required and not on PATH"; exit 1; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    say "installing redis-server from Debian's packages"
    apt_install redis-server
  fi
  # The packaged service is not needed: scripts and tests start their own servers on loopback.
}

# Puts buf on PATH if it can be had (npm package @bufbuild/buf); returns 1 when it cannot.
ensure_buf() {
  if command -v buf >/dev/null 2>&1; then return 0; fi
  if [ -x "$TOOLS_DIR/node_modules/.bin/buf" ]; then export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"; return 0; fi
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: cannot install buf"; return 1
  fi
  say "installing buf $BUF_VERSION from the npm registry into .tools/"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "@bufbuild/buf@$BUF_VERSION" >/dev/null || return 1
  export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"
}
