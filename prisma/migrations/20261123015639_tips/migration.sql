-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('admin', 'officer', 'leader');

-- CreateEnum
CREATE TYPE "TipStatus" AS ENUM ('new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate');

-- CreateEnum
CREATE TYPE "TipCategory" AS ENUM ('theft', 'drugs', 'gambling', 'fraud', 'violence', 'suspicious', 'traffic', 'fire', 'other');

-- CreateEnum
CREATE TYPE "TipAuthor" AS ENUM ('citizen', 'officer');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "spamFlaggedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StaffInvite" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "areaCode" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffGrant" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "areaCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationChat" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "chatKey" TEXT NOT NULL,
    "chatIdEnc" BYTEA NOT NULL,
    "areaCode" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StationChat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tip" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "reporterId" TEXT,
    "reporterIdentityId" TEXT,
    "areaCode" TEXT NOT NULL,
    "category" "TipCategory" NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "descriptionEnc" BYTEA NOT NULL,
    "placeEnc" BYTEA,
    "locationEnc" BYTEA,
    "photosEnc" BYTEA,
    "photoCount" INTEGER NOT NULL DEFAULT 0,
    "contactEnc" BYTEA,
    "status" "TipStatus" NOT NULL DEFAULT 'new',
    "assigneeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipMessage" (
    "id" BIGSERIAL NOT NULL,
    "tipId" TEXT NOT NULL,
    "author" "TipAuthor" NOT NULL,
    "officerId" TEXT,
    "textEnc" BYTEA,
    "photosEnc" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipEvent" (
    "id" BIGSERIAL NOT NULL,
    "tipId" TEXT NOT NULL,
    "status" "TipStatus" NOT NULL,
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvite_codeHash_key" ON "StaffInvite"("codeHash");

-- CreateIndex
CREATE INDEX "StaffGrant_areaCode_role_idx" ON "StaffGrant"("areaCode", "role");

-- CreateIndex
CREATE UNIQUE INDEX "StaffGrant_userId_role_areaCode_key" ON "StaffGrant"("userId", "role", "areaCode");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StationChat_chatKey_key" ON "StationChat"("chatKey");

-- CreateIndex
CREATE INDEX "StationChat_areaCode_idx" ON "StationChat"("areaCode");

-- CreateIndex
CREATE UNIQUE INDEX "Tip_code_key" ON "Tip"("code");

-- CreateIndex
CREATE INDEX "Tip_areaCode_status_urgent_createdAt_idx" ON "Tip"("areaCode", "status", "urgent", "createdAt");

-- CreateIndex
CREATE INDEX "Tip_reporterId_createdAt_idx" ON "Tip"("reporterId", "createdAt");

-- CreateIndex
CREATE INDEX "TipMessage_tipId_id_idx" ON "TipMessage"("tipId", "id");

-- CreateIndex
CREATE INDEX "TipEvent_tipId_id_idx" ON "TipEvent"("tipId", "id");

-- CreateIndex
CREATE INDEX "InboundUpdate_chatKey_receivedAt_idx" ON "InboundUpdate"("chatKey", "receivedAt");

-- AddForeignKey
ALTER TABLE "StaffInvite" ADD CONSTRAINT "StaffInvite_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffGrant" ADD CONSTRAINT "StaffGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffGrant" ADD CONSTRAINT "StaffGrant_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationChat" ADD CONSTRAINT "StationChat_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_reporterIdentityId_fkey" FOREIGN KEY ("reporterIdentityId") REFERENCES "Identity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipMessage" ADD CONSTRAINT "TipMessage_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipEvent" ADD CONSTRAINT "TipEvent_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
