# tfauth: build once, run the output as an unprivileged user with production dependencies only.
#   docker build -t tfauth .        (or: podman build -t tfauth .)
#   docker run --env-file .env -p 3000:3000 -v tfauth-data:/data tfauth
# BASE_IMAGE defaults to the upstream Node image; override it only to build without a registry
# (scripts/build-image-offline.sh makes a local Debian bookworm + Node 20 base; docs/deploy.md).

ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: `prepare` would build before the sources are here; we build below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    TFAUTH_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded journal and outcome store live on a volume so a restart replays what was acknowledged.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): it stops taking events and finishes replies in flight.
CMD ["node", "dist/main.js"]
