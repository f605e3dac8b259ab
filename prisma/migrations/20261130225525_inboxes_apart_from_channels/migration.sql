-- An inbox (what agents work in: a name, its members, assignment rules) becomes its own row beside
-- the channel (Meta's number and what Meta reports about it). Each existing channel gets one inbox
-- with the channel's own id, so memberships, conversations and invitations keep their values.

-- CreateTable
CREATE TABLE "Inbox" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "autoAssign" BOOLEAN NOT NULL DEFAULT false,
    "maxOpenPerAgent" INTEGER NOT NULL DEFAULT 20,

    CONSTRAINT "Inbox_pkey" PRIMARY KEY ("id")
);

INSERT INTO "Inbox" ("id", "name", "channelId", "createdAt", "updatedAt", "autoAssign", "maxOpenPerAgent")
SELECT "id", "name", "id", "createdAt", "updatedAt", "autoAssign", "maxOpenPerAgent" FROM "Channel";

-- CreateIndex
CREATE UNIQUE INDEX "Inbox_channelId_key" ON "Inbox"("channelId");

-- AddForeignKey
ALTER TABLE "Inbox" ADD CONSTRAINT "Inbox_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Memberships are of the inbox.
ALTER TABLE "ChannelMember" DROP CONSTRAINT "ChannelMember_channelId_fkey";
ALTER TABLE "ChannelMember" RENAME TO "InboxMember";
ALTER TABLE "InboxMember" RENAME COLUMN "channelId" TO "inboxId";
ALTER TABLE "InboxMember" RENAME CONSTRAINT "ChannelMember_pkey" TO "InboxMember_pkey";
ALTER TABLE "InboxMember" RENAME CONSTRAINT "ChannelMember_userId_fkey" TO "InboxMember_userId_fkey";
ALTER INDEX "ChannelMember_userId_idx" RENAME TO "InboxMember_userId_idx";
ALTER TABLE "InboxMember" ADD CONSTRAINT "InboxMember_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Conversations are in an inbox.
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_channelId_fkey";
ALTER TABLE "Conversation" RENAME COLUMN "channelId" TO "inboxId";
ALTER INDEX "Conversation_channelId_lastMessageAt_id_idx" RENAME TO "Conversation_inboxId_lastMessageAt_id_idx";
ALTER INDEX "Conversation_channelId_status_lastMessageAt_id_idx" RENAME TO "Conversation_inboxId_status_lastMessageAt_id_idx";
ALTER INDEX "Conversation_channelId_waitingSince_idx" RENAME TO "Conversation_inboxId_waitingSince_idx";
ALTER INDEX "Conversation_channelId_lastInboundAt_lastMessageAt_id_idx" RENAME TO "Conversation_inboxId_lastInboundAt_lastMessageAt_id_idx";
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- PostgreSQL 18 names NOT NULL constraints after their table and column (earlier versions have
-- no such constraints to rename).
DO E'DECLARE renames text[][] := ARRAY[
  [''Conversation'', ''Conversation_channelId_not_null'', ''Conversation_inboxId_not_null''],
  [''InboxMember'', ''ChannelMember_channelId_not_null'', ''InboxMember_inboxId_not_null''],
  [''InboxMember'', ''ChannelMember_userId_not_null'', ''InboxMember_userId_not_null''],
  [''InboxMember'', ''ChannelMember_createdAt_not_null'', ''InboxMember_createdAt_not_null'']]\073
  r text[]\073
BEGIN
  FOREACH r SLICE 1 IN ARRAY renames LOOP
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = r[2] AND conrelid = format(''%I'', r[1])::regclass) THEN
      EXECUTE format(''ALTER TABLE %I RENAME CONSTRAINT %I TO %I'', r[1], r[2], r[3])\073
    END IF\073
  END LOOP\073
END';

-- Invitations name inboxes.
ALTER TABLE "UserToken" RENAME COLUMN "channelIds" TO "inboxIds";

-- What moved to the inbox leaves the channel.
ALTER TABLE "Channel" DROP COLUMN "autoAssign",
DROP COLUMN "maxOpenPerAgent",
DROP COLUMN "name";
