#!/bin/sh
# Runs a command in its own scheduler group (a new session) at nice -15, so that the other sessions on a
# shared machine yield to it: the closest this machine gets to idle. Linux with autogroup, as root.
# usage: setsid bench/clones/with-priority.sh node bench/clones/speed.mjs
echo -15 > "/proc/$$/autogroup" || exit 1
exec "$@"
