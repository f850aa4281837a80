-- CreateTable
CREATE TABLE "TipNote" (
    "id" BIGSERIAL NOT NULL,
    "tipId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT,
    "textEnc" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" SERIAL NOT NULL,
    "areaCode" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TipNote_tipId_id_idx" ON "TipNote"("tipId", "id");

-- CreateIndex
CREATE INDEX "CannedReply_areaCode_idx" ON "CannedReply"("areaCode");

-- AddForeignKey
ALTER TABLE "TipNote" ADD CONSTRAINT "TipNote_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CannedReply" ADD CONSTRAINT "CannedReply_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
