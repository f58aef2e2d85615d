# syntax=docker/dockerfile:1
# Opastin production image: compiled JavaScript on plain Node 20, production dependencies only,
# running as the unprivileged `node` user. Content (dialogs, services, NLU data) is baked in;
# mount your own over /app/content and /app/dialogs, or build a county image FROM this one.
#   docker build -t opastin .
#   docker compose up            (Redis with AOF, two Opastin processes, a proxy: compose.yaml)

# --- 1. compile TypeScript and copy the static assets into dist/ -------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY public ./public
RUN npm run build

# --- 2. production dependencies only ------------------------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- 3. the runtime image -------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    CONTENT_DIR=/app
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root content ./content
COPY --chown=root:root dialogs ./dialogs
# Files are owned by root and read-only to the service user: the process cannot rewrite its code.
USER node
EXPOSE 3978
# Ready = content loaded and Redis answering; the load balancer and `docker compose` use it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM starts the graceful shutdown (SHUTDOWN_GRACE_MS, default 10 s); keep the orchestrator's
# stop timeout above it (compose.yaml: stop_grace_period 15s).
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
