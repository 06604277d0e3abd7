#!/usr/bin/env bash
# The Action's install step: a released binary for this runner when the release of VERSION was
# built from the same source (SOURCE_KEY) and its archive matches SHA256SUMS; otherwise
# `cargo install` from the Action's checkout. Either way kube-harden ends up in INSTALL_ROOT/bin.
set -euo pipefail
bin="$INSTALL_ROOT/bin"
if [ ! -x "$bin/kube-harden" ]; then
  case "${RUNNER_OS:-}-${RUNNER_ARCH:-}" in
    Linux-X64) target=x86_64-unknown-linux-musl ;;
    Linux-ARM64) target=aarch64-unknown-linux-musl ;;
    macOS-X64) target=x86_64-apple-darwin ;;
    macOS-ARM64) target=aarch64-apple-darwin ;;
    *) target="" ;;
  esac
  base="${KUBE_HARDEN_RELEASES:-https://github.com/kube-harden/kube-harden/releases/download}/v$VERSION"
  name="kube-harden-v$VERSION-$target"
  tmp="$(mktemp -d)"
  if [ -n "$target" ] \
    && curl -fsSL -o "$tmp/SOURCE-KEY" "$base/SOURCE-KEY" 2>/dev/null \
    && [ "$(cat "$tmp/SOURCE-KEY")" = "$SOURCE_KEY" ] \
    && curl -fsSL -o "$tmp/SHA256SUMS" "$base/SHA256SUMS" \
    && curl -fsSL -o "$tmp/$name.tar.gz" "$base/$name.tar.gz" \
    && (cd "$tmp" && grep " $name.tar.gz\$" SHA256SUMS | sha256sum -c - >/dev/null); then
    tar xzf "$tmp/$name.tar.gz" -C "$tmp"
    mkdir -p "$bin"
    cp "$tmp/$name/kube-harden" "$bin/"
    echo "kube-harden: using the released v$VERSION binary for $target"
  else
    echo "kube-harden: no matching release binary; building from the Action's source"
    cargo install --locked --root "$INSTALL_ROOT" --path "$GITHUB_ACTION_PATH"
  fi
  rm -rf "$tmp"
fi
echo "$bin" >> "$GITHUB_PATH"
