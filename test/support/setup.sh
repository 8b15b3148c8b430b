#!/usr/bin/env bash
# Installs the independent judges the tests use, from Debian, where they are missing (as root, like CI):
#   xmllint (libxml2-utils) judges every XML we emit;
#   GSSAPI's NTLMSSP mechanism (gss-ntlmssp + python3-gssapi) judges our NTLM client;
#   curl --ntlm and python3-requests-ntlm are independent NTLM clients of our stand-in server;
#   python3-exchangelib is a real EWS client whose requests the stand-in must accept.
set -euo pipefail
need=()
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v curl >/dev/null || need+=(curl)
[ -e /usr/lib/x86_64-linux-gnu/gssntlmssp/gssntlmssp.so ] || [ -n "$(ls /usr/lib/*/gssntlmssp/gssntlmssp.so 2>/dev/null)" ] || need+=(gss-ntlmssp)
/usr/bin/python3 -c 'import gssapi' 2>/dev/null || need+=(python3-gssapi)
/usr/bin/python3 -c 'import requests_ntlm' 2>/dev/null || need+=(python3-requests-ntlm)
/usr/bin/python3 -c 'import exchangelib' 2>/dev/null || need+=(python3-exchangelib)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
