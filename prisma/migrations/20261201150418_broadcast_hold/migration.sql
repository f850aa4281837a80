-- CreateTable
CREATE TABLE "BroadcastHold" (
    "broadcastId" INTEGER NOT NULL,
    "platform" "Platform" NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BroadcastHold_pkey" PRIMARY KEY ("broadcastId","platform")
);

-- AddForeignKey
ALTER TABLE "BroadcastHold" ADD CONSTRAINT "BroadcastHold_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;
