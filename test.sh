#!/usr/bin/env bash
# Runs the whole test suite. Installs the Debian packages the tests need first (Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q dataset-fashion-mnist
fi
exec mvn -B -q verify "$@"
