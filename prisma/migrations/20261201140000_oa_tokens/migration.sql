-- CreateTable
CREATE TABLE "OaToken" (
    "appId" TEXT NOT NULL,
    "accessEnc" BYTEA NOT NULL,
    "refreshEnc" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "failedAt" TIMESTAMP(3),
    "failure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OaToken_pkey" PRIMARY KEY ("appId")
);
