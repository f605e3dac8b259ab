-- Activity lines, notifications and Switchboard's own number-timeline entries become structured
-- events (a kind and its values), worded in the reader's language when shown. Rows written before
-- are read back from the English sentences every earlier version wrote, and a sentence not recognised
-- is kept as it was, shown as-is (kind "text").

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "activity" JSONB;

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'resolved', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) resolved the conversation$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) resolved the conversation$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'reopened', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) reopened the conversation$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) reopened the conversation$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'pending', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) marked the conversation pending$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) marked the conversation pending$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'snoozed', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) snoozed the conversation until ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z)$'))[1], 'until', (regexp_match("text", '^(.+) snoozed the conversation until ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z)$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) snoozed the conversation until ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z)$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'unassigned', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) unassigned the conversation$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) unassigned the conversation$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'took', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) took the conversation$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) took the conversation$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'teamAssigned', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) assigned the conversation to team (.+)$'))[1], 'team', (regexp_match("text", '^(.+) assigned the conversation to team (.+)$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) assigned the conversation to team (.+)$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'assigned', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) assigned the conversation to (.+)$'))[1], 'assignee', (regexp_match("text", '^(.+) assigned the conversation to (.+)$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) assigned the conversation to (.+)$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'teamRemoved', 'params', jsonb_build_object('actor', (regexp_match("text", '^(.+) removed the team$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^(.+) removed the team$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'snoozeEnded', 'params', jsonb_build_object())
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^Snooze ended: the conversation is open again$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'autoAssigned', 'params', jsonb_build_object('assignee', (regexp_match("text", '^Assigned to (.+) automatically$'))[1]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^Assigned to (.+) automatically$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'handoverPassed', 'params', jsonb_build_object('app', (regexp_match("text", '^The conversation was passed to Switchboard(?: by app ([^ ]+))?(?: \((.*)\))?$'))[1], 'metadata', (regexp_match("text", '^The conversation was passed to Switchboard(?: by app ([^ ]+))?(?: \((.*)\))?$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^The conversation was passed to Switchboard(?: by app ([^ ]+))?(?: \((.*)\))?$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'handoverTaken', 'params', jsonb_build_object('app', (regexp_match("text", '^Another app of the Page \((?:app ([^ )]+)|no app)\) took over the conversation(?: \((.*)\))?$'))[1], 'metadata', (regexp_match("text", '^Another app of the Page \((?:app ([^ )]+)|no app)\) took over the conversation(?: \((.*)\))?$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^Another app of the Page \((?:app ([^ )]+)|no app)\) took over the conversation(?: \((.*)\))?$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'handoverRequested', 'params', jsonb_build_object('app', (regexp_match("text", '^Another app of the Page \((?:app ([^ )]+)|no app)\) asks to take over the conversation(?: \((.*)\))?$'))[1], 'metadata', (regexp_match("text", '^Another app of the Page \((?:app ([^ )]+)|no app)\) asks to take over the conversation(?: \((.*)\))?$'))[2]))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^Another app of the Page \((?:app ([^ )]+)|no app)\) asks to take over the conversation(?: \((.*)\))?$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'standbyMessage', 'params', jsonb_build_object(
  'text', CASE WHEN (regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1] ~ '^\[[a-z_]+\]$' OR (regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1] = 'a message' THEN NULL ELSE (regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1] END,
  'attachment', CASE WHEN (regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1] ~ '^\[[a-z_]+\]$' THEN substring((regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1] FROM 2 FOR length((regexp_match("text", '^While another app had the conversation, the customer wrote: “(.*)”$'))[1]) - 2) ELSE NULL END))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^While another app had the conversation, the customer wrote: “(.*)”$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'standbyPostback', 'params', jsonb_build_object(
  'title', CASE WHEN (regexp_match("text", '^While another app had the conversation, the customer tapped “(.*)”$'))[1] = 'a button' THEN NULL ELSE (regexp_match("text", '^While another app had the conversation, the customer tapped “(.*)”$'))[1] END))
WHERE "type" = 'activity' AND "activity" IS NULL AND "text" ~ '^While another app had the conversation, the customer tapped “(.*)”$';

UPDATE "Message" SET "activity" = jsonb_build_object('kind', 'text', 'params', jsonb_build_object('text', coalesce("text", '')))
WHERE "type" = 'activity' AND "activity" IS NULL;

UPDATE "Message" SET "text" = NULL WHERE "type" = 'activity';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "params" JSONB;

UPDATE "Notification" SET "params" = jsonb_build_object('actor', (regexp_match("body", '^(.+) assigned you the conversation with (.+)$'))[1], 'customer', (regexp_match("body", '^(.+) assigned you the conversation with (.+)$'))[2])
WHERE "kind" = 'assigned' AND "params" IS NULL AND "body" ~ '^(.+) assigned you the conversation with (.+)$';

UPDATE "Notification" SET "params" = jsonb_build_object('actor', NULL, 'customer', NULL)
WHERE "kind" = 'assigned' AND "params" IS NULL AND "body" = 'A new conversation was assigned to you';

UPDATE "Notification" SET "params" = jsonb_build_object('actor', (regexp_match("body", '^(.+?) mentioned you on (.+?): (.*)$'))[1], 'customer', (regexp_match("body", '^(.+?) mentioned you on (.+?): (.*)$'))[2], 'excerpt', (regexp_match("body", '^(.+?) mentioned you on (.+?): (.*)$'))[3])
WHERE "kind" = 'mention' AND "params" IS NULL AND "body" ~ '^(.+?) mentioned you on (.+?): (.*)$';

-- An admin's channel notification quoted an alert's summary: it points at that alert again when
-- one with the same words was recorded within a minute of it, else it keeps the words.
UPDATE "Notification" n SET "params" = jsonb_build_object('channel', (regexp_match(n."body", '^(.+?): (.*)$'))[1], 'alert', (
  SELECT jsonb_build_object('field', a."field", 'kind', a."kind", 'payload', a."payload") FROM "ChannelAlert" a
  WHERE a."summary" = (regexp_match(n."body", '^(.+?): (.*)$'))[2] AND a."createdAt" BETWEEN n."createdAt" - interval '1 minute' AND n."createdAt" + interval '1 minute'
  ORDER BY abs(extract(epoch FROM a."createdAt" - n."createdAt")) LIMIT 1))
WHERE n."kind" = 'channel' AND n."params" IS NULL AND n."body" ~ '^(.+?): (.*)$';

UPDATE "Notification" SET "params" = jsonb_build_object('channel', (regexp_match("body", '^(.+?): (.*)$'))[1], 'text', (regexp_match("body", '^(.+?): (.*)$'))[2])
WHERE "kind" = 'channel' AND "params" ->> 'alert' IS NULL AND "body" ~ '^(.+?): (.*)$';

UPDATE "Notification" SET "params" = jsonb_build_object('text', "body") WHERE "params" IS NULL;

ALTER TABLE "Notification" ALTER COLUMN "params" SET NOT NULL,
DROP COLUMN "body";

-- Switchboard's own timeline entries kept only their sentence: who did what goes into the payload.

UPDATE "ChannelAlert" SET "payload" = jsonb_build_object('actor', (regexp_match("summary", '^(.+) asked Meta to review the display name "(.*)"\.$'))[1], 'name', (regexp_match("summary", '^(.+) asked Meta to review the display name "(.*)"\.$'))[2])
WHERE "field" = 'switchboard' AND "kind" = 'name_requested' AND "summary" ~ '^(.+) asked Meta to review the display name "(.*)"\.$';

UPDATE "ChannelAlert" SET "payload" = jsonb_build_object('actor', (regexp_match("summary", '^(.+) requested the blue tick \(Official Business Account\)\.$'))[1])
WHERE "field" = 'switchboard' AND "kind" = 'oba_requested' AND "summary" ~ '^(.+) requested the blue tick \(Official Business Account\)\.$';

UPDATE "ChannelAlert" SET "payload" = jsonb_build_object('actor', (regexp_match("summary", '^(.+) set a new two-step verification PIN\.$'))[1])
WHERE "field" = 'switchboard' AND "kind" = 'pin_set' AND "summary" ~ '^(.+) set a new two-step verification PIN\.$';
