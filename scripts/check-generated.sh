#!/usr/bin/env bash
# Regenerates the composed supergraph, the subgraph SDL files and the client types, and fails when
# that changes anything: generated files are committed, so they must match the code.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=(gateway/supergraph.graphql gateway/schema.graphql gateway/gateway.graphql subgraphs/*/schema.graphql examples/generated)
npm run --silent compose
npm run --silent codegen >/dev/null
stale=$(git status --porcelain --untracked-files=all -- "${generated[@]}")
if [ -n "$stale" ]; then
  echo "Generated files are stale (run 'npm run compose && npm run codegen' and commit them):"
  echo "$stale"
  git --no-pager diff --stat -- "${generated[@]}"
  exit 1
fi
echo "Generated files are up to date."
