-- The statistics' record of message changes (docs/architecture.md, "Statistics"), kept by one
-- trigger call per statement instead of one per row. Webhook processing inserts and updates
-- messages a batch at a time: the rows each statement changed (its transition tables) become
-- StatsDelta rows in one INSERT … SELECT, where a row trigger ran a function and three statements
-- for every message. What is recorded is unchanged. For a change to an outbound, non-private
-- message: the old state counted out (-1) and the new one in (+1), each with the conversation's
-- current labels. For a customer's message: a reply mark (kind 2). For a read not yet replied
-- to: a watch. (The migration runner splits scripts at semicolons, even in comments: the ones
-- inside function bodies are written as the escape \073.)
DROP TRIGGER "message_stats_insert" ON "Message";
DROP TRIGGER "message_stats_update" ON "Message";
DROP TRIGGER "message_stats_delete" ON "Message";
DROP FUNCTION "message_stats_delta"();

CREATE FUNCTION "message_stats_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsDelta" (kind, sign, "conversationId", labels, "channelId", "createdAt")
  SELECT 2, 1, n."conversationId", ''{}'', n."channelId", n."timestamp"
  FROM new_rows n WHERE n.direction = ''INBOUND'' AND NOT n.private\073
  INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
    template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
    "pricingCategory", "pricingType", billable, "repliedAt")
  SELECT 0, 1, n.id, n."conversationId", l.labels, n."channelId", n."senderId", n."teamId", n."callingCode",
    stats_template(n.type, n.content), stats_kind(n.type, n.content), n.status::text, n."createdAt", n."sentAt",
    n."deliveredAt", n."readAt", n."playedAt", n."errorCode", n."pricingCategory", n."pricingType", n.billable, n."repliedAt"
  FROM new_rows n
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(cl."labelId"), ''{}'') AS labels FROM "ConversationLabel" cl
    WHERE cl."conversationId" = n."conversationId") l
  WHERE n.direction = ''OUTBOUND'' AND NOT n.private\073
  INSERT INTO "StatsReplyWatch" ("messageId", "conversationId", "readAt")
  SELECT n.id, n."conversationId", least(n."readAt", n."playedAt")
  FROM new_rows n
  WHERE n.direction = ''OUTBOUND'' AND NOT n.private AND n."repliedAt" IS NULL AND coalesce(n."readAt", n."playedAt") IS NOT NULL
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END
';

CREATE FUNCTION "message_stats_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
    template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
    "pricingCategory", "pricingType", billable, "repliedAt")
  SELECT 0, m.sign, m.id, m."conversationId", l.labels, m."channelId", m."senderId", m."teamId", m."callingCode",
    stats_template(m.type, m.content), stats_kind(m.type, m.content), m.status::text, m."createdAt", m."sentAt",
    m."deliveredAt", m."readAt", m."playedAt", m."errorCode", m."pricingCategory", m."pricingType", m.billable, m."repliedAt"
  FROM old_rows o
  JOIN new_rows n ON n.id = o.id
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(cl."labelId"), ''{}'') AS labels FROM "ConversationLabel" cl
    WHERE cl."conversationId" = n."conversationId") l
  CROSS JOIN LATERAL (
    SELECT -1 AS sign, o.* WHERE o.direction = ''OUTBOUND'' AND NOT o.private
    UNION ALL
    SELECT 1, n.* WHERE n.direction = ''OUTBOUND'' AND NOT n.private) m
  WHERE (o.status, o."sentAt", o."deliveredAt", o."readAt", o."playedAt", o."errorCode", o."pricingCategory",
     o."pricingType", o.billable, o."repliedAt", o."senderId", o."teamId", o."callingCode", o."createdAt",
     o."channelId", o.private, o.type, o.direction)
    IS DISTINCT FROM
    (n.status, n."sentAt", n."deliveredAt", n."readAt", n."playedAt", n."errorCode", n."pricingCategory",
     n."pricingType", n.billable, n."repliedAt", n."senderId", n."teamId", n."callingCode", n."createdAt",
     n."channelId", n.private, n.type, n.direction)\073
  INSERT INTO "StatsReplyWatch" ("messageId", "conversationId", "readAt")
  SELECT n.id, n."conversationId", least(n."readAt", n."playedAt")
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE n.direction = ''OUTBOUND'' AND NOT n.private AND n."repliedAt" IS NULL
    AND coalesce(n."readAt", n."playedAt") IS NOT NULL AND coalesce(o."readAt", o."playedAt") IS NULL
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END
';

CREATE FUNCTION "message_stats_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsDelta" (kind, sign, "messageId", "conversationId", labels, "channelId", "senderId", "teamId", "callingCode",
    template, "messageKind", status, "createdAt", "sentAt", "deliveredAt", "readAt", "playedAt", "errorCode",
    "pricingCategory", "pricingType", billable, "repliedAt")
  SELECT 0, -1, o.id, o."conversationId", l.labels, o."channelId", o."senderId", o."teamId", o."callingCode",
    stats_template(o.type, o.content), stats_kind(o.type, o.content), o.status::text, o."createdAt", o."sentAt",
    o."deliveredAt", o."readAt", o."playedAt", o."errorCode", o."pricingCategory", o."pricingType", o.billable, o."repliedAt"
  FROM old_rows o
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(cl."labelId"), ''{}'') AS labels FROM "ConversationLabel" cl
    WHERE cl."conversationId" = o."conversationId") l
  WHERE o.direction = ''OUTBOUND'' AND NOT o.private\073
  RETURN NULL\073
END
';

CREATE TRIGGER "message_stats_insert" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "message_stats_inserted"();

CREATE TRIGGER "message_stats_update" AFTER UPDATE ON "Message"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "message_stats_updated"();

CREATE TRIGGER "message_stats_delete" AFTER DELETE ON "Message"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "message_stats_deleted"();
