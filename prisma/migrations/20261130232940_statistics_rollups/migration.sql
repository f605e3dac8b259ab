-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "callingCode" TEXT,
ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "teamId" TEXT;

-- CreateTable
CREATE TABLE "MessageRollup" (
    "gset" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "agent" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "template" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "pricing" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL DEFAULT '',
    "error" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "replied" INTEGER NOT NULL DEFAULT 0,
    "billable" INTEGER NOT NULL DEFAULT 0,
    "free" INTEGER NOT NULL DEFAULT 0,
    "cost" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "MessageRollup_pkey" PRIMARY KEY ("gset","level","slot","channel","agent","team","template","kind","category","pricing","code","error","label")
);

-- CreateTable
CREATE TABLE "MessageLatencyRollup" (
    "gset" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "agent" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "template" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "pricing" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL DEFAULT '',
    "error" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "metric" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageLatencyRollup_pkey" PRIMARY KEY ("gset","level","slot","channel","agent","team","template","kind","category","pricing","code","error","label","metric","bucket")
);

-- CreateTable
CREATE TABLE "StatsDelta" (
    "id" BIGSERIAL NOT NULL,
    "kind" INTEGER NOT NULL,
    "sign" INTEGER NOT NULL,
    "messageId" TEXT,
    "conversationId" TEXT NOT NULL,
    "labels" TEXT[],
    "channelId" TEXT NOT NULL,
    "senderId" TEXT,
    "teamId" TEXT,
    "callingCode" TEXT,
    "template" TEXT,
    "messageKind" TEXT,
    "status" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "playedAt" TIMESTAMP(3),
    "errorCode" INTEGER,
    "pricingCategory" TEXT,
    "pricingType" TEXT,
    "billable" BOOLEAN,
    "repliedAt" TIMESTAMP(3),

    CONSTRAINT "StatsDelta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsReplyWatch" (
    "messageId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatsReplyWatch_pkey" PRIMARY KEY ("messageId")
);

-- CreateTable
CREATE TABLE "ConversationEvent" (
    "id" BIGSERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "agentId" TEXT,
    "teamId" TEXT,
    "seconds" INTEGER,

    CONSTRAINT "ConversationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallingCode" (
    "code" TEXT NOT NULL,
    "country" TEXT NOT NULL,

    CONSTRAINT "CallingCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "MetaPricing" (
    "wabaId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "category" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "volume" INTEGER NOT NULL,
    "cost" DECIMAL(14,4) NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetaPricing_pkey" PRIMARY KEY ("wabaId","day","category","country")
);

-- CreateIndex
CREATE INDEX "StatsReplyWatch_conversationId_readAt_idx" ON "StatsReplyWatch"("conversationId", "readAt");

-- CreateIndex
CREATE INDEX "StatsReplyWatch_readAt_idx" ON "StatsReplyWatch"("readAt");

-- CreateIndex
CREATE INDEX "ConversationEvent_at_idx" ON "ConversationEvent"("at");

-- CreateIndex
CREATE INDEX "ConversationEvent_conversationId_at_idx" ON "ConversationEvent"("conversationId", "at");

-- CreateIndex
CREATE INDEX "Message_teamId_idx" ON "Message"("teamId");

-- CreateIndex
CREATE INDEX "Message_stats_createdAt_idx" ON "Message"("createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The calling codes of lib/stats/countries.ts.
INSERT INTO "CallingCode" (code, country) VALUES
  ('1', 'US'),
  ('7', 'RU'),
  ('20', 'EG'),
  ('27', 'ZA'),
  ('30', 'GR'),
  ('31', 'NL'),
  ('32', 'BE'),
  ('33', 'FR'),
  ('34', 'ES'),
  ('36', 'HU'),
  ('39', 'IT'),
  ('40', 'RO'),
  ('41', 'CH'),
  ('43', 'AT'),
  ('44', 'GB'),
  ('45', 'DK'),
  ('46', 'SE'),
  ('47', 'NO'),
  ('48', 'PL'),
  ('49', 'DE'),
  ('51', 'PE'),
  ('52', 'MX'),
  ('53', 'CU'),
  ('54', 'AR'),
  ('55', 'BR'),
  ('56', 'CL'),
  ('57', 'CO'),
  ('58', 'VE'),
  ('60', 'MY'),
  ('61', 'AU'),
  ('62', 'ID'),
  ('63', 'PH'),
  ('64', 'NZ'),
  ('65', 'SG'),
  ('66', 'TH'),
  ('81', 'JP'),
  ('82', 'KR'),
  ('84', 'VN'),
  ('86', 'CN'),
  ('90', 'TR'),
  ('91', 'IN'),
  ('92', 'PK'),
  ('93', 'AF'),
  ('94', 'LK'),
  ('95', 'MM'),
  ('98', 'IR'),
  ('211', 'SS'),
  ('212', 'MA'),
  ('213', 'DZ'),
  ('216', 'TN'),
  ('218', 'LY'),
  ('221', 'SN'),
  ('225', 'CI'),
  ('233', 'GH'),
  ('234', 'NG'),
  ('237', 'CM'),
  ('251', 'ET'),
  ('254', 'KE'),
  ('255', 'TZ'),
  ('256', 'UG'),
  ('260', 'ZM'),
  ('263', 'ZW'),
  ('351', 'PT'),
  ('352', 'LU'),
  ('353', 'IE'),
  ('358', 'FI'),
  ('359', 'BG'),
  ('380', 'UA'),
  ('420', 'CZ'),
  ('421', 'SK'),
  ('852', 'HK'),
  ('880', 'BD'),
  ('886', 'TW'),
  ('960', 'MV'),
  ('961', 'LB'),
  ('962', 'JO'),
  ('964', 'IQ'),
  ('965', 'KW'),
  ('966', 'SA'),
  ('968', 'OM'),
  ('971', 'AE'),
  ('972', 'IL'),
  ('973', 'BH'),
  ('974', 'QA'),
  ('977', 'NP');

-- Statistics (docs/architecture.md, "Statistics"): what an outbound message is, as the rollups tell
-- them apart, and the triggers that record every change to the statistics in the writing
-- transaction. (The migration runner splits scripts at semicolons, so the ones inside function
-- bodies are written as the escape \073.)
CREATE FUNCTION "stats_kind"(type text, content jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT CASE
    WHEN type = ''template'' THEN ''template''
    WHEN type = ''interactive'' AND content -> ''interactive'' ->> ''type'' = ''flow'' THEN ''flow''
    WHEN type = ''interactive'' THEN ''interactive''
    WHEN type IN (''image'', ''video'', ''audio'', ''document'', ''sticker'') THEN ''media''
    ELSE ''text''
  END
';

CREATE FUNCTION "stats_template"(type text, content jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT CASE WHEN type = ''template'' THEN
    coalesce(content -> ''template'' ->> ''name'', '''') || '':'' || coalesce(content -> ''template'' -> ''language'' ->> ''code'', '''')
  END
';

CREATE FUNCTION "stats_calling_code"(wa_id text) RETURNS text LANGUAGE sql STABLE AS E'
  SELECT code FROM "CallingCode"
  WHERE code IN (left(wa_id, 1), left(wa_id, 2), left(wa_id, 3), left(wa_id, 4))
  ORDER BY length(code) DESC LIMIT 1
';

-- An outbound message keeps the conversation's team and the recipient's calling code as they were
-- when it was recorded, so later changes to either do not move it between groups.
CREATE FUNCTION "message_stats_fill"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  team text\073
  code text\073
BEGIN
  SELECT c."teamId", stats_calling_code(ct."waId") INTO team, code
  FROM "Conversation" c JOIN "Contact" ct ON ct.id = c."contactId"
  WHERE c.id = NEW."conversationId"\073
  NEW."teamId" := coalesce(NEW."teamId", team)\073
  NEW."callingCode" := coalesce(NEW."callingCode", code)\073
  RETURN NEW\073
END
';

CREATE FUNCTION "message_stats_delta"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  current_labels text[]\073
BEGIN
  IF TG_OP = ''INSERT'' AND NEW.direction = ''INBOUND'' THEN
    INSERT INTO "StatsDelta" (kind, sign, "conversationId", labels, "channelId", "createdAt")
    VALUES (2, 1, NEW."conversationId", ''{}'', NEW."channelId", NEW."timestamp")\073
    RETURN NULL\073
  END IF\073
  SELECT coalesce(array_agg("labelId"), ''{}'') INTO current_labels
  FROM "ConversationLabel" WHERE "conversationId" = coalesce(NEW."conversationId", OLD."conversationId")\073
  IF TG_OP <> ''INSERT'' AND OLD.direction = ''OUTBOUND'' AND NOT OLD.private THEN
    INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
      template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
      "pricingCategory", "pricingType", billable, "repliedAt")
    VALUES (0, -1, OLD.id, OLD."conversationId", current_labels, OLD."channelId", OLD."senderId", OLD."teamId", OLD."callingCode",
      stats_template(OLD.type, OLD.content), stats_kind(OLD.type, OLD.content), OLD.status::text, OLD."createdAt", OLD."sentAt",
      OLD."deliveredAt", OLD."readAt", OLD."playedAt", OLD."errorCode", OLD."pricingCategory", OLD."pricingType", OLD.billable,
      OLD."repliedAt")\073
  END IF\073
  IF TG_OP <> ''DELETE'' AND NEW.direction = ''OUTBOUND'' AND NOT NEW.private THEN
    INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
      template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
      "pricingCategory", "pricingType", billable, "repliedAt")
    VALUES (0, 1, NEW.id, NEW."conversationId", current_labels, NEW."channelId", NEW."senderId", NEW."teamId", NEW."callingCode",
      stats_template(NEW.type, NEW.content), stats_kind(NEW.type, NEW.content), NEW.status::text, NEW."createdAt", NEW."sentAt",
      NEW."deliveredAt", NEW."readAt", NEW."playedAt", NEW."errorCode", NEW."pricingCategory", NEW."pricingType", NEW.billable,
      NEW."repliedAt")\073
    IF NEW."repliedAt" IS NULL AND coalesce(NEW."readAt", NEW."playedAt") IS NOT NULL
       AND (TG_OP = ''INSERT'' OR coalesce(OLD."readAt", OLD."playedAt") IS NULL) THEN
      INSERT INTO "StatsReplyWatch" ("messageId", "conversationId", "readAt")
      VALUES (NEW.id, NEW."conversationId", least(NEW."readAt", NEW."playedAt")) ON CONFLICT DO NOTHING\073
    END IF\073
  END IF\073
  RETURN NULL\073
END
';

-- A label added to or removed from a conversation moves its outbound messages in or out of that
-- label's statistics.
CREATE FUNCTION "conversation_label_stats_delta"() RETURNS trigger LANGUAGE plpgsql AS E'
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
  RETURN NULL\073
END
';

-- The team statistics' events: opened, reopened, resolved and each reply to a waiting customer.
CREATE FUNCTION "conversation_stats_event"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  opened_at timestamp(3)\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, "agentId", "teamId")
    VALUES (NEW.id, (SELECT "channelId" FROM "Inbox" WHERE id = NEW."inboxId"), ''opened'', NEW."createdAt", NEW."assigneeId", NEW."teamId")\073
    RETURN NULL\073
  END IF\073
  IF OLD."waitingSince" IS NOT NULL AND NEW."waitingSince" IS NULL AND NEW.status <> ''RESOLVED'' THEN
    INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, "agentId", "teamId", seconds)
    VALUES (NEW.id, (SELECT "channelId" FROM "Inbox" WHERE id = NEW."inboxId"), ''response'', NEW."updatedAt", NEW."assigneeId", NEW."teamId",
      greatest(0, round(extract(epoch FROM NEW."updatedAt" - OLD."waitingSince")))::int)\073
  END IF\073
  IF OLD.status <> ''RESOLVED'' AND NEW.status = ''RESOLVED'' THEN
    SELECT max(at) INTO opened_at FROM "ConversationEvent" WHERE "conversationId" = NEW.id AND kind IN (''opened'', ''reopened'')\073
    INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, "agentId", "teamId", seconds)
    VALUES (NEW.id, (SELECT "channelId" FROM "Inbox" WHERE id = NEW."inboxId"), ''resolved'', coalesce(NEW."resolvedAt", NEW."updatedAt"), NEW."assigneeId", NEW."teamId",
      greatest(0, round(extract(epoch FROM coalesce(NEW."resolvedAt", NEW."updatedAt") - coalesce(opened_at, NEW."createdAt"))))::int)\073
  ELSIF OLD.status = ''RESOLVED'' AND NEW.status <> ''RESOLVED'' THEN
    INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, "agentId", "teamId")
    VALUES (NEW.id, (SELECT "channelId" FROM "Inbox" WHERE id = NEW."inboxId"), ''reopened'', NEW."updatedAt", NEW."assigneeId", NEW."teamId")\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "message_stats_fill" BEFORE INSERT ON "Message"
  FOR EACH ROW WHEN (NEW.direction = 'OUTBOUND' AND NOT NEW.private AND (NEW."teamId" IS NULL OR NEW."callingCode" IS NULL))
  EXECUTE FUNCTION "message_stats_fill"();

CREATE TRIGGER "message_stats_insert" AFTER INSERT ON "Message"
  FOR EACH ROW WHEN (NOT NEW.private) EXECUTE FUNCTION "message_stats_delta"();

CREATE TRIGGER "message_stats_update" AFTER UPDATE ON "Message"
  FOR EACH ROW WHEN (
    (OLD.direction = 'OUTBOUND' AND NOT OLD.private OR NEW.direction = 'OUTBOUND' AND NOT NEW.private) AND
    (OLD.status, OLD."sentAt", OLD."deliveredAt", OLD."readAt", OLD."playedAt", OLD."errorCode", OLD."pricingCategory",
     OLD."pricingType", OLD.billable, OLD."repliedAt", OLD."senderId", OLD."teamId", OLD."callingCode", OLD."createdAt",
     OLD."channelId", OLD.private, OLD.type, OLD.direction)
    IS DISTINCT FROM
    (NEW.status, NEW."sentAt", NEW."deliveredAt", NEW."readAt", NEW."playedAt", NEW."errorCode", NEW."pricingCategory",
     NEW."pricingType", NEW.billable, NEW."repliedAt", NEW."senderId", NEW."teamId", NEW."callingCode", NEW."createdAt",
     NEW."channelId", NEW.private, NEW.type, NEW.direction))
  EXECUTE FUNCTION "message_stats_delta"();

CREATE TRIGGER "message_stats_delete" AFTER DELETE ON "Message"
  FOR EACH ROW WHEN (OLD.direction = 'OUTBOUND' AND NOT OLD.private) EXECUTE FUNCTION "message_stats_delta"();

CREATE TRIGGER "conversation_label_stats" AFTER INSERT OR DELETE ON "ConversationLabel"
  FOR EACH ROW EXECUTE FUNCTION "conversation_label_stats_delta"();

CREATE TRIGGER "conversation_stats_insert" AFTER INSERT ON "Conversation"
  FOR EACH ROW EXECUTE FUNCTION "conversation_stats_event"();

CREATE TRIGGER "conversation_stats_update" AFTER UPDATE ON "Conversation"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."waitingSince" IS DISTINCT FROM NEW."waitingSince")
  EXECUTE FUNCTION "conversation_stats_event"();
