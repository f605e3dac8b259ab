-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('SETUP', 'INVITE', 'PASSWORD_RESET');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "receivedWhileBlocked" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hashAlgorithm" TEXT NOT NULL DEFAULT 'sha256';

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "actorId" TEXT,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "brokenEventId" TEXT,
    "brokenSeq" BIGINT,
    "problem" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" TEXT NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "role" "Role",
    "channelIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "teamIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "userId" TEXT,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AuditVerification_finishedAt_idx" ON "AuditVerification"("finishedAt");

-- CreateIndex
CREATE INDEX "AuditVerification_actorId_idx" ON "AuditVerification"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_idx" ON "UserToken"("userId");

-- CreateIndex
CREATE INDEX "UserToken_createdById_idx" ON "UserToken"("createdById");

-- CreateIndex
CREATE INDEX "UserToken_kind_email_idx" ON "UserToken"("kind", "email");

-- AddForeignKey
ALTER TABLE "AuditVerification" ADD CONSTRAINT "AuditVerification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The application's own database role. Switchboard runs its queries as "switchboard_app", which may
-- read and write every table but cannot UPDATE, DELETE or TRUNCATE the audit trail, nor (not being
-- the owner) drop or disable its triggers. Migrations keep running as the owner. (The runner splits
-- scripts at semicolons, so the one inside the function body is written as the escape \073.)
CREATE FUNCTION "switchboard_create_app_role"() RETURNS void LANGUAGE plpgsql AS E'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''switchboard_app'') THEN CREATE ROLE switchboard_app NOLOGIN\073 END IF\073 END';

SELECT "switchboard_create_app_role"();

DROP FUNCTION "switchboard_create_app_role"();

GRANT USAGE ON SCHEMA public TO switchboard_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO switchboard_app;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO switchboard_app;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO switchboard_app;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO switchboard_app;

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM switchboard_app;

REVOKE ALL ON "_prisma_migrations" FROM switchboard_app;
