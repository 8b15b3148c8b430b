#!/usr/bin/env bash
# Installs what the benchmarks compare against, from Debian, where it is missing (as root, like CI):
#   xsdata (python3-xsdata and its command line's modules): the generation baseline of bench:generate,
#   measured in the same run on the same WSDL.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import xsdata' 2>/dev/null || need+=(python3-xsdata)
/usr/bin/python3 -c 'import click, click_default_group, jinja2, toposort, docformatter' 2>/dev/null ||
  need+=(python3-click python3-click-default-group python3-jinja2 python3-toposort python3-docformatter)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
/usr/bin/xsdata --version >/dev/null
