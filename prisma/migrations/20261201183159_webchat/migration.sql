-- AlterEnum
ALTER TYPE "Platform" ADD VALUE 'web';

-- CreateTable
CREATE TABLE "WebMessage" (
    "id" BIGSERIAL NOT NULL,
    "chatKey" TEXT NOT NULL,
    "fromBot" BOOLEAN NOT NULL,
    "clientId" TEXT,
    "payloadEnc" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebPhoto" (
    "id" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "bytesEnc" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebMessage_chatKey_id_idx" ON "WebMessage"("chatKey", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebMessage_chatKey_clientId_key" ON "WebMessage"("chatKey", "clientId");

-- CreateIndex
CREATE INDEX "WebPhoto_chatKey_idx" ON "WebPhoto"("chatKey");
