-- CreateTable
CREATE TABLE "PaceSlot" (
    "platform" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "renewedAt" TIMESTAMPTZ(6) NOT NULL,
    "finishedAt" TIMESTAMPTZ(6),

    CONSTRAINT "PaceSlot_pkey" PRIMARY KEY ("platform","token")
);

-- CreateTable
CREATE TABLE "PaceBlock" (
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "until" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "PaceBlock_pkey" PRIMARY KEY ("platform","key")
);

-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PaceBlock_until_idx" ON "PaceBlock"("until");

-- Pacing and leases are transport, as they are in Redis: unlogged, so taking a slot or a lease writes no WAL
-- and never waits for the disk (with WAL, every send waited for two flushes: 23 msg/s instead of 30 under load).
-- A database crash empties them, which only frees slots whose second has long passed and leases of holders
-- whose database went away.
ALTER TABLE "PaceSlot" SET UNLOGGED;
ALTER TABLE "PaceBlock" SET UNLOGGED;
ALTER TABLE "Lease" SET UNLOGGED;

-- The sliding-window pacer of the PostgreSQL-only mode (src/queues/pace-postgres.ts): the same rules as the
-- Redis script in src/queues/pacer.ts. Every step runs under one advisory lock per platform, taken before
-- the clock is read, so stamps follow the order in which slots were granted, and the clock of the database is the
-- only one used. Returns 0 when the slot is taken, otherwise milliseconds to wait.
CREATE FUNCTION antq_pace_acquire(
  p_platform TEXT, p_limit INTEGER, p_window_us BIGINT, p_token TEXT, p_chat TEXT, p_gap_ms INTEGER,
  p_max_hold_us BIGINT
) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  v_now TIMESTAMPTZ;
  v_until TIMESTAMPTZ;
  v_oldest TIMESTAMPTZ;
  v_window INTERVAL := make_interval(secs => p_window_us / 1e6);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('antq-pace'), hashtext(p_platform));
  v_now := clock_timestamp();
  SELECT "until" INTO v_until FROM "PaceBlock" WHERE "platform" = p_platform AND "key" = '' AND "until" > v_now;
  IF FOUND THEN RETURN greatest(1, ceil(extract(epoch FROM v_until - v_now) * 1000))::INTEGER; END IF;
  IF p_gap_ms > 0 THEN
    SELECT "until" INTO v_until FROM "PaceBlock" WHERE "platform" = p_platform AND "key" = p_chat AND "until" > v_now;
    IF FOUND THEN RETURN greatest(1, ceil(extract(epoch FROM v_until - v_now) * 1000))::INTEGER; END IF;
  END IF;
  DELETE FROM "PaceSlot" WHERE "platform" = p_platform AND (
    "finishedAt" <= v_now - v_window
    OR ("finishedAt" IS NULL AND "renewedAt" <= v_now - make_interval(secs => p_max_hold_us / 1e6)));
  IF (SELECT count(*) FROM "PaceSlot" WHERE "platform" = p_platform) < p_limit THEN
    INSERT INTO "PaceSlot" ("platform", "token", "renewedAt") VALUES (p_platform, p_token, v_now);
    IF p_gap_ms > 0 THEN
      INSERT INTO "PaceBlock" ("platform", "key", "until")
        VALUES (p_platform, p_chat, v_now + make_interval(secs => p_gap_ms / 1e3))
        ON CONFLICT ("platform", "key") DO UPDATE SET "until" = EXCLUDED."until";
      -- Gaps long over are forgotten (their chats may never be written to again).
      DELETE FROM "PaceBlock" WHERE "platform" = p_platform AND "key" <> '' AND "until" < v_now - INTERVAL '1 minute';
    END IF;
    RETURN 0;
  END IF;
  SELECT min("finishedAt") INTO v_oldest FROM "PaceSlot" WHERE "platform" = p_platform AND "finishedAt" IS NOT NULL;
  IF v_oldest IS NOT NULL THEN
    RETURN greatest(1, ceil(extract(epoch FROM v_oldest + v_window - v_now) * 1000))::INTEGER;
  END IF;
  RETURN 5;
END $$;

-- The answer to a send is in: its slot counts one more window from now (a lapsed slot counts again, as in Redis).
CREATE FUNCTION antq_pace_release(p_platform TEXT, p_token TEXT, p_chat TEXT, p_gap_ms INTEGER)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  v_now TIMESTAMPTZ;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('antq-pace'), hashtext(p_platform));
  v_now := clock_timestamp();
  INSERT INTO "PaceSlot" ("platform", "token", "renewedAt", "finishedAt") VALUES (p_platform, p_token, v_now, v_now)
    ON CONFLICT ("platform", "token") DO UPDATE SET "finishedAt" = v_now;
  IF p_gap_ms > 0 THEN
    INSERT INTO "PaceBlock" ("platform", "key", "until")
      VALUES (p_platform, p_chat, v_now + make_interval(secs => p_gap_ms / 1e3))
      ON CONFLICT ("platform", "key") DO UPDATE SET "until" = EXCLUDED."until";
  END IF;
END $$;
