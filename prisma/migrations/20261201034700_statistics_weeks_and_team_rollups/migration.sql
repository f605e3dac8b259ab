-- The message rollups change shape (weekly slots, grouping sets for combined filters, a key that
-- puts the dimensions filters combine most first): emptied here, they are rebuilt from the
-- messages when Switchboard next starts (see StatsState below).
TRUNCATE "MessageRollup", "MessageLatencyRollup";

-- AlterTable
ALTER TABLE "MessageRollup" DROP CONSTRAINT "MessageRollup_pkey",
ADD CONSTRAINT "MessageRollup_pkey" PRIMARY KEY ("gset", "level", "slot", "channel", "code", "category", "kind", "pricing", "agent", "team", "template", "error", "label");

-- AlterTable
ALTER TABLE "MessageLatencyRollup" DROP CONSTRAINT "MessageLatencyRollup_pkey",
ADD CONSTRAINT "MessageLatencyRollup_pkey" PRIMARY KEY ("gset", "level", "slot", "channel", "code", "category", "kind", "pricing", "agent", "team", "template", "error", "label", "metric", "bucket");

-- Every event records the transaction that wrote it. Events already there get transaction 3, older
-- than any snapshot, so the fold never takes them: the rebuild counts them.
ALTER TABLE "ConversationEvent" ADD COLUMN "xid" xid8 NOT NULL DEFAULT '3';
ALTER TABLE "ConversationEvent" ALTER COLUMN "xid" SET DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "ConversationRollup" (
    "gset" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "agent" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "opened" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConversationRollup_pkey" PRIMARY KEY ("gset","level","slot","channel","agent","team","label")
);

-- CreateTable
CREATE TABLE "ConversationLatencyRollup" (
    "gset" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "agent" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "metric" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConversationLatencyRollup_pkey" PRIMARY KEY ("gset","level","slot","channel","agent","team","label","metric","bucket")
);

-- CreateTable
CREATE TABLE "StatsState" (
    "id" INTEGER NOT NULL,
    "eventSnapshot" pg_snapshot,

    CONSTRAINT "StatsState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationEvent_xid_idx" ON "ConversationEvent"("xid");

-- CreateIndex
CREATE INDEX "Conversation_status_waitingSince_assigneeId_idx" ON "Conversation"("status", "waitingSince", "assigneeId");

-- A new database has nothing to count yet: the fold starts from this snapshot. A database with
-- messages or conversations waits (null) for the rebuild that the workers queue at start-up.
INSERT INTO "StatsState" (id, "eventSnapshot")
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM "Message") OR EXISTS (SELECT 1 FROM "ConversationEvent") THEN NULL ELSE pg_current_snapshot() END;

-- A label added to or removed from a conversation moves its outbound messages in or out of that
-- label's statistics (kind 1, one row per message), and its events in or out of the label's team
-- statistics (kind 3, one row for the conversation: the fold finds the events).
CREATE OR REPLACE FUNCTION "conversation_label_stats_delta"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  row_ "ConversationLabel"%ROWTYPE\073
  direction_sign int\073
BEGIN
  IF TG_OP = ''INSERT'' THEN row_ := NEW\073 direction_sign := 1\073 ELSE row_ := OLD\073 direction_sign := -1\073 END IF\073
  INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
    template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
    "pricingCategory", "pricingType", billable, "repliedAt")
  SELECT 1, direction_sign, m.id, m."conversationId", ARRAY[row_."labelId"], m."channelId", m."senderId", m."teamId", m."callingCode",
    stats_template(m.type, m.content), stats_kind(m.type, m.content), m.status::text, m."createdAt", m."sentAt",
    m."deliveredAt", m."readAt", m."playedAt", m."errorCode", m."pricingCategory", m."pricingType", m.billable, m."repliedAt"
  FROM "Message" m
  WHERE m."conversationId" = row_."conversationId" AND m.direction = ''OUTBOUND'' AND NOT m.private\073
  INSERT INTO "StatsDelta" (kind, sign, "conversationId", labels, "channelId", "createdAt")
  VALUES (3, direction_sign, row_."conversationId", ARRAY[row_."labelId"], '''', now() AT TIME ZONE ''UTC'')\073
  RETURN NULL\073
END
';
