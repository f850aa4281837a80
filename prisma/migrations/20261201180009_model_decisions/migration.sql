-- CreateEnum
CREATE TYPE "ModelVerdict" AS ENUM ('keep', 'improve', 'retire');

-- CreateTable
CREATE TABLE "ModelDecision" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "decision" "ModelVerdict" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ModelDecision_modelId_period_key" ON "ModelDecision"("modelId", "period");

-- AddForeignKey
ALTER TABLE "ModelDecision" ADD CONSTRAINT "ModelDecision_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LocalModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
