#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` does not use it; migrations run through the WASM engine (npm run db:migrate).
echo "schema engine unavailable offline: use npm run db:migrate" >&2
exit 1
