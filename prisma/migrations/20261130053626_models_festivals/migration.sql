-- CreateEnum
CREATE TYPE "ModelKind" AS ENUM ('camera', 'team', 'religious', 'club', 'other');

-- CreateEnum
CREATE TYPE "JoinPolicy" AS ENUM ('open', 'approval');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('pending', 'active', 'left', 'declined');

-- CreateEnum
CREATE TYPE "ModelEventKind" AS ENUM ('join', 'leave');

-- CreateEnum
CREATE TYPE "FestivalStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateEnum
CREATE TYPE "ReminderAudience" AS ENUM ('rsvp', 'area');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('pending', 'sent', 'missed', 'dropped');

-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "buttons" JSONB,
ADD COLUMN     "festivalId" INTEGER,
ADD COLUMN     "modelId" INTEGER;

-- AlterTable
ALTER TABLE "StaffInvite" ADD COLUMN     "modelId" INTEGER;

-- CreateTable
CREATE TABLE "LocalModel" (
    "id" SERIAL NOT NULL,
    "joinCode" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ModelKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "joinPolicy" "JoinPolicy" NOT NULL DEFAULT 'approval',
    "leaderId" TEXT,
    "createdById" TEXT,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocalModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "MembershipStatus" NOT NULL,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelEvent" (
    "id" BIGSERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "kind" "ModelEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Festival" (
    "id" SERIAL NOT NULL,
    "areaCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "programme" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "remindTo" "ReminderAudience" NOT NULL DEFAULT 'rsvp',
    "status" "FestivalStatus" NOT NULL DEFAULT 'scheduled',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Festival_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "festivalId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "going" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("festivalId","userId")
);

-- CreateTable
CREATE TABLE "FestivalReminder" (
    "id" SERIAL NOT NULL,
    "festivalId" INTEGER NOT NULL,
    "offsetSeconds" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'pending',
    "broadcastId" INTEGER,

    CONSTRAINT "FestivalReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" SERIAL NOT NULL,
    "festivalId" INTEGER NOT NULL,
    "names" TEXT[],
    "broadcastId" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LocalModel_joinCode_key" ON "LocalModel"("joinCode");

-- CreateIndex
CREATE INDEX "LocalModel_areaCode_retiredAt_idx" ON "LocalModel"("areaCode", "retiredAt");

-- CreateIndex
CREATE INDEX "LocalModel_leaderId_idx" ON "LocalModel"("leaderId");

-- CreateIndex
CREATE INDEX "Membership_modelId_status_idx" ON "Membership"("modelId", "status");

-- CreateIndex
CREATE INDEX "Membership_userId_status_idx" ON "Membership"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_modelId_userId_key" ON "Membership"("modelId", "userId");

-- CreateIndex
CREATE INDEX "ModelEvent_modelId_at_idx" ON "ModelEvent"("modelId", "at");

-- CreateIndex
CREATE INDEX "Festival_areaCode_startsAt_idx" ON "Festival"("areaCode", "startsAt");

-- CreateIndex
CREATE INDEX "Rsvp_festivalId_going_idx" ON "Rsvp"("festivalId", "going");

-- CreateIndex
CREATE INDEX "Rsvp_userId_idx" ON "Rsvp"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "FestivalReminder_broadcastId_key" ON "FestivalReminder"("broadcastId");

-- CreateIndex
CREATE INDEX "FestivalReminder_status_dueAt_idx" ON "FestivalReminder"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "FestivalReminder_festivalId_offsetSeconds_key" ON "FestivalReminder"("festivalId", "offsetSeconds");

-- CreateIndex
CREATE UNIQUE INDEX "Commendation_broadcastId_key" ON "Commendation"("broadcastId");

-- CreateIndex
CREATE INDEX "Commendation_festivalId_idx" ON "Commendation"("festivalId");

-- CreateIndex
CREATE INDEX "Broadcast_modelId_idx" ON "Broadcast"("modelId");

-- CreateIndex
CREATE INDEX "Broadcast_festivalId_idx" ON "Broadcast"("festivalId");

-- AddForeignKey
ALTER TABLE "StaffInvite" ADD CONSTRAINT "StaffInvite_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LocalModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LocalModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_festivalId_fkey" FOREIGN KEY ("festivalId") REFERENCES "Festival"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalModel" ADD CONSTRAINT "LocalModel_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalModel" ADD CONSTRAINT "LocalModel_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LocalModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelEvent" ADD CONSTRAINT "ModelEvent_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LocalModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Festival" ADD CONSTRAINT "Festival_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_festivalId_fkey" FOREIGN KEY ("festivalId") REFERENCES "Festival"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FestivalReminder" ADD CONSTRAINT "FestivalReminder_festivalId_fkey" FOREIGN KEY ("festivalId") REFERENCES "Festival"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FestivalReminder" ADD CONSTRAINT "FestivalReminder_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_festivalId_fkey" FOREIGN KEY ("festivalId") REFERENCES "Festival"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE SET NULL ON UPDATE CASCADE;
