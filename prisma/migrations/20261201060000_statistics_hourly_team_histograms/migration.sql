-- The team histograms are now kept per hour as well as per day and week (lib/stats/team-sql.ts):
-- the rows there lack the hours, so they are emptied and rebuilt from the events when Switchboard
-- next starts, as for any change to the rollups' shape (null snapshot: the fold waits for the
-- rebuild the workers queue at start-up). A new database has nothing to rebuild.
TRUNCATE "ConversationLatencyRollup";

UPDATE "StatsState" SET "eventSnapshot" = NULL
WHERE id = 1 AND (EXISTS (SELECT 1 FROM "Message") OR EXISTS (SELECT 1 FROM "ConversationEvent"));
