#!/bin/sh
# Installs Debian's chromium and chromium-driver when they are missing, so that the browser tests (DashboardIT)
# run on a clean Debian machine (CI) through the plain `mvn verify`. Needs root and apt access the first time;
# afterwards it only checks. Run by the browser test itself, once per JVM, before it starts the driver.
set -e
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "chromium and chromium-driver are missing and this is not root: install them with" >&2
    echo "  apt-get install -y chromium chromium-driver" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium chromium-driver
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
