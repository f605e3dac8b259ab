-- CreateEnum
CREATE TYPE "WebhookSource" AS ENUM ('WHATSAPP', 'MESSENGER');

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lane" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "seq" BIGSERIAL NOT NULL,
ADD COLUMN     "source" "WebhookSource" NOT NULL DEFAULT 'WHATSAPP';

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_seq_key" ON "WebhookEvent"("seq");

-- CreateIndex
CREATE INDEX "WebhookEvent_state_lane_seq_idx" ON "WebhookEvent"("state", "lane", "seq");
