FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
# npm ci also builds the web console (postinstall: Vite, into console/dist).
COPY console ./console
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
# What `npm start` runs (web and worker in one process; pass "web" or "worker" to split them), started
# without npm in between: npm does not pass SIGTERM on, and the service needs it to shut down gracefully.
# A set heap bound makes V8 collect early: a million-recipient fan-out stays near 230 MB (README, benchmarks).
CMD ["node", "--max-old-space-size=512", "--import", "tsx", "src/main.ts"]
