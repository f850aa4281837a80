-- AlterTable
ALTER TABLE "StaffInvite" ADD COLUMN "revokedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StaffGrant" ADD COLUMN "label" TEXT;

-- AlterTable
ALTER TABLE "TipEvent" ADD COLUMN "byLabel" TEXT,
ADD COLUMN "byReporter" BOOLEAN NOT NULL DEFAULT false;
