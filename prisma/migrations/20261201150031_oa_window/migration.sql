-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'outside_window';

-- AlterEnum
ALTER TYPE "OutboundStatus" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "Identity" ADD COLUMN     "lastInteractionAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "heldAt" TIMESTAMP(3);
