-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('telegram', 'zalo');

-- CreateEnum
CREATE TYPE "AreaLevel" AS ENUM ('province', 'commune', 'hamlet');

-- CreateEnum
CREATE TYPE "InboundStatus" AS ENUM ('pending', 'done', 'dead');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Area" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AreaLevel" NOT NULL,
    "kind" TEXT NOT NULL,
    "parentCode" TEXT,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "AreaAlias" (
    "id" SERIAL NOT NULL,
    "areaCode" TEXT NOT NULL,
    "oldName" TEXT NOT NULL,
    "oldDistrict" TEXT NOT NULL,
    "oldProvince" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "AreaAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "areaCode" TEXT,
    "consentVersion" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "optedOutAt" TIMESTAMP(3),
    "noticeFestival" BOOLEAN NOT NULL DEFAULT true,
    "noticeModels" BOOLEAN NOT NULL DEFAULT true,
    "noticeGeneral" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "platformIdHash" TEXT NOT NULL,
    "platformIdEnc" BYTEA NOT NULL,
    "chatIdEnc" BYTEA NOT NULL,
    "displayNameEnc" BYTEA,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "key" TEXT NOT NULL,
    "flow" TEXT,
    "step" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "menu" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "id" BIGSERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "updateKey" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "payloadEnc" BYTEA,
    "status" "InboundStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "InboundUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" BIGSERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "chatKey" TEXT NOT NULL,
    "chatIdEnc" BYTEA NOT NULL,
    "payloadEnc" BYTEA NOT NULL,
    "status" "OutboundStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Area_parentCode_idx" ON "Area"("parentCode");

-- CreateIndex
CREATE INDEX "Area_level_idx" ON "Area"("level");

-- CreateIndex
CREATE UNIQUE INDEX "AreaAlias_areaCode_oldName_oldDistrict_oldProvince_key" ON "AreaAlias"("areaCode", "oldName", "oldDistrict", "oldProvince");

-- CreateIndex
CREATE INDEX "User_areaCode_idx" ON "User"("areaCode");

-- CreateIndex
CREATE INDEX "Identity_userId_idx" ON "Identity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_platform_platformIdHash_key" ON "Identity"("platform", "platformIdHash");

-- CreateIndex
CREATE INDEX "InboundUpdate_chatKey_status_seq_id_idx" ON "InboundUpdate"("chatKey", "status", "seq", "id");

-- CreateIndex
CREATE INDEX "InboundUpdate_status_nextAttemptAt_idx" ON "InboundUpdate"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "InboundUpdate_receivedAt_idx" ON "InboundUpdate"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundUpdate_platform_updateKey_key" ON "InboundUpdate"("platform", "updateKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_chatKey_status_id_idx" ON "OutboundMessage"("chatKey", "status", "id");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_nextAttemptAt_idx" ON "OutboundMessage"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaAlias" ADD CONSTRAINT "AreaAlias_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
