#!/usr/bin/env bash
# Runs a command while busy-loop processes keep the CPU cores busy, and stops them when it ends.
#   scripts/cpu-burn.sh [-n PROCESSES] -- COMMAND [ARGS...]
# PROCESSES defaults to the number of cores (nproc). Exits with the command's status.
set -euo pipefail

n=$(nproc)
if [[ "${1:-}" == "-n" ]]; then
  n=$2
  shift 2
fi
[[ "${1:-}" == "--" ]] && shift
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [-n PROCESSES] -- COMMAND [ARGS...]" >&2
  exit 2
fi

burners=()
stop() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${burners[@]}" 2>/dev/null || true
}
trap stop EXIT

for ((i = 0; i < n; i++)); do
  # A subshell spinning on the builtin ":" uses one core fully and nothing else.
  (while :; do :; done) &
  burners+=($!)
done
echo "cpu-burn: $n busy-loop processes (${burners[*]}) while: $*" >&2

# In the background so that a signal to this script is handled at once (bash defers traps while a
# foreground command runs): it is passed on to the command, and the burners stop on exit.
"$@" &
command=$!
trap 'kill -TERM "$command" 2>/dev/null; exit 143' TERM
trap 'kill -INT "$command" 2>/dev/null; exit 130' INT
set +e
wait "$command"
status=$?
set -e
exit "$status"
