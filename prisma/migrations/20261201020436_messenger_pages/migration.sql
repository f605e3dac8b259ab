-- AlterEnum
ALTER TYPE "ChannelKind" ADD VALUE 'MESSENGER';

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "humanAgentEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pageId" TEXT,
ADD COLUMN     "pageName" TEXT,
ALTER COLUMN "phoneNumberId" DROP NOT NULL,
ALTER COLUMN "displayPhoneNumber" DROP NOT NULL,
ALTER COLUMN "wabaId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "avatarMediaId" TEXT,
ADD COLUMN     "personId" TEXT,
ADD COLUMN     "psid" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "channelKind" "ChannelKind" NOT NULL DEFAULT 'WHATSAPP';

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimulatorPage" (
    "pageId" TEXT NOT NULL,
    "humanAgent" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatorPage_pkey" PRIMARY KEY ("pageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_pageId_key" ON "Channel"("pageId");

-- CreateIndex
CREATE INDEX "Contact_personId_idx" ON "Contact"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_channelId_psid_key" ON "Contact"("channelId", "psid");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
