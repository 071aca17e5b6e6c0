# One image for the whole network: the command picks the service, e.g.
#   node subgraphs/members/dist/main.js | subgraphs/contracts/... | subgraphs/finance/... | subgraphs/network/...
#   | gateway/dist/main.js

FROM node:20-bookworm-slim AS manifests
WORKDIR /app
# Only the manifests, so the dependency layers below are reused until a package.json or the lock changes.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY subgraphs/members/package.json subgraphs/members/
COPY subgraphs/contracts/package.json subgraphs/contracts/
COPY subgraphs/finance/package.json subgraphs/finance/
COPY subgraphs/network/package.json subgraphs/network/
COPY gateway/package.json gateway/
COPY tools/package.json tools/

FROM manifests AS build
# --ignore-scripts: the root `prepare` script runs `tsc --build`, which cannot succeed before the
# sources are copied; the build runs explicitly below instead.
RUN npm ci --ignore-scripts
COPY tsconfig.base.json tsconfig.json ./
COPY shared/ shared/
COPY subgraphs/ subgraphs/
COPY gateway/ gateway/
COPY tools/ tools/
# The dashboard's browser code (gateway/src/dashboard/client) compiles in the types graphql-codegen
# generates from examples/operations.graphql; the rest of examples/ is not built.
COPY examples/generated/ examples/generated/
# What the build needs is checked without a Docker engine: tools/src/dev/dockerfile.ts copies what
# these COPY lines take from a clean checkout and runs this build there (docs/operations.md).
RUN npx tsc --build

FROM manifests AS deps
# A fresh production install rather than `npm prune`: pruning npm workspaces has been unreliable,
# and --ignore-scripts is required here too, since `prepare` would call tsc, a dev dependency.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# The files stay owned by root and the process runs as `node`, so the service cannot rewrite its own code.
COPY --from=deps /app ./
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/subgraphs/members/dist subgraphs/members/dist
COPY --from=build /app/subgraphs/contracts/dist subgraphs/contracts/dist
COPY --from=build /app/subgraphs/finance/dist subgraphs/finance/dist
COPY --from=build /app/subgraphs/network/dist subgraphs/network/dist
COPY --from=build /app/gateway/dist gateway/dist
# The tooling's seeder writes the demo data (docker-compose.yml); with its dev dependencies left out,
# it brings nothing the services do not already install.
COPY --from=build /app/tools/dist tools/dist
# The gateway reads the composed supergraph next to its dist folder (DEFAULT_SUPERGRAPH_FILE).
COPY --from=build /app/gateway/supergraph.graphql gateway/supergraph.graphql
USER node
CMD ["node", "gateway/dist/main.js"]
