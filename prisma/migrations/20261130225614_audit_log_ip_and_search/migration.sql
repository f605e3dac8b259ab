-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "ip" TEXT,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "targetLabel" TEXT;

-- The audit log's search text: every field an admin might search for, the before/after JSON
-- included, written by the database on insert so no writer can forget it. It is not part of the
-- hash. (The runner splits scripts at semicolons, so those inside the function body are \073.)
CREATE FUNCTION "audit_event_search_text"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN NEW."searchText" := concat_ws('' '', NEW."actorLabel", NEW."action", NEW."targetType", NEW."targetId", NEW."targetLabel", NEW."reason", NEW."ip", NEW."before"::text, NEW."after"::text)\073 RETURN NEW\073 END';

CREATE TRIGGER "AuditEvent_search_text" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_search_text"();

-- Existing events get theirs once, written by the owner with the append-only trigger disabled
-- around this one statement. The search text is outside the hash, so the chain still verifies.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete";

UPDATE "AuditEvent" SET "searchText" = concat_ws(' ', "actorLabel", "action", "targetType", "targetId", "targetLabel", "reason", "ip", "before"::text, "after"::text);

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete";

-- The application role keeps only INSERT and SELECT on the trail (the new columns inherit the
-- table's grants), said again here so this migration's state does not depend on an earlier one.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM switchboard_app;

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_searchText_idx" ON "AuditEvent" USING GIN ("searchText" gin_trgm_ops);
