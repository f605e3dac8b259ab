-- Page bodies logged before the intake kept its source column say so in channelKind: carry it over, then drop it.
UPDATE "WebhookEvent" SET "source" = 'MESSENGER' WHERE "channelKind" = 'MESSENGER';

-- AlterTable
ALTER TABLE "WebhookEvent" DROP COLUMN "channelKind";
