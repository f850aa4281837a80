-- AlterTable
ALTER TABLE "TipMessage" ADD COLUMN "forwardedAt" TIMESTAMP(3);

-- A reporter's earlier messages were each passed on when written.
UPDATE "TipMessage" SET "forwardedAt" = "createdAt" WHERE "author" = 'citizen';
