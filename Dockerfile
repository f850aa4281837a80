FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
# `npm start` runs web and worker in one process; `npm run start:web` / `start:worker` split them.
CMD ["npm", "start"]
