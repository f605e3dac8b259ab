-- DropIndex
DROP INDEX "Conversation_channelId_lastInboundAt_idx";

-- CreateIndex
CREATE INDEX "Conversation_channelId_lastInboundAt_lastMessageAt_id_idx" ON "Conversation"("channelId", "lastInboundAt", "lastMessageAt", "id");
