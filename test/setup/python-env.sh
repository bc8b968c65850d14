#!/usr/bin/env bash
# Creates the project-local virtualenv (.venv) that the tests use for numpy, jupyter_client,
# nbclient, nbconvert and JupyterLab. Idempotent: a venv whose requirements are unchanged is reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.venv"
req="$root/test/requirements.txt"
stamp="$venv/.requirements.sha"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --retries 0 --disable-pip-version-check -q -r "$req"
echo "$want" > "$stamp"
