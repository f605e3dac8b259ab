-- CreateTable
CREATE TABLE "SimulatorPhoneNumber" (
    "phoneNumberId" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatorPhoneNumber_pkey" PRIMARY KEY ("phoneNumberId")
);

-- CreateTable
CREATE TABLE "SimulatorUploadSession" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileLength" INTEGER NOT NULL,
    "fileType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulatorUploadSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessProfileVersion" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "savedById" TEXT,
    "savedByName" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BusinessProfileVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelMetaState" (
    "channelId" TEXT NOT NULL,
    "liveProfile" JSONB,
    "profileCheckedAt" TIMESTAMP(3),
    "number" JSONB,
    "numberCheckedAt" TIMESTAMP(3),
    "obaRequestedAt" TIMESTAMP(3),
    "pinSetAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelMetaState_pkey" PRIMARY KEY ("channelId")
);

-- CreateIndex
CREATE INDEX "BusinessProfileVersion_channelId_savedAt_idx" ON "BusinessProfileVersion"("channelId", "savedAt" DESC);

-- CreateIndex
CREATE INDEX "BusinessProfileVersion_savedById_idx" ON "BusinessProfileVersion"("savedById");

-- AddForeignKey
ALTER TABLE "BusinessProfileVersion" ADD CONSTRAINT "BusinessProfileVersion_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessProfileVersion" ADD CONSTRAINT "BusinessProfileVersion_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelMetaState" ADD CONSTRAINT "ChannelMetaState_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
