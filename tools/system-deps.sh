#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages briefgen needs outside Python: Pango and HarfBuzz for WeasyPrint,
# Noto fonts so Latin, Cyrillic and CJK text never shows as boxes, and poppler-utils (pdftoppm) to look
# at rendered pages. Does nothing when they are already there; needs root (or sudo) otherwise.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-core fonts-noto-cjk poppler-utils)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "briefgen: please install with your package manager: ${missing[*]} (Pango, HarfBuzz, Noto fonts)" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
