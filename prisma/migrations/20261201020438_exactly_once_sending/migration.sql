-- AlterEnum: the new states sit between QUEUED and SENT, so the enum's order stays the order of a send.
ALTER TYPE "MessageStatus" ADD VALUE 'SENDING' AFTER 'QUEUED';
ALTER TYPE "MessageStatus" ADD VALUE 'UNCONFIRMED' AFTER 'SENDING';
ALTER TYPE "MessageStatus" ADD VALUE 'DISCARDED' AFTER 'UNCONFIRMED';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "pendingSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retriedAt" TIMESTAMP(3),

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeadLetter_messageId_idx" ON "DeadLetter"("messageId");

-- CreateIndex
CREATE INDEX "DeadLetter_retriedAt_createdAt_idx" ON "DeadLetter"("retriedAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_pendingSince_idx" ON "Message"("pendingSince");

-- AddForeignKey
ALTER TABLE "DeadLetter" ADD CONSTRAINT "DeadLetter_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Messages queued before this migration may have lost their send job: the sweeper now finds them.
UPDATE "Message" SET "pendingSince" = "updatedAt" WHERE "status" = 'QUEUED' AND "direction" = 'OUTBOUND' AND NOT "private";
