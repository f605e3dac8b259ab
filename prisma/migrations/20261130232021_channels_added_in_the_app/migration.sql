-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('WHATSAPP');

-- CreateEnum
CREATE TYPE "ChannelSource" AS ENUM ('CONFIG', 'APP');

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "encryptedAccessToken" TEXT,
ADD COLUMN     "encryptedAppSecret" TEXT,
ADD COLUMN     "encryptedVerifyToken" TEXT,
ADD COLUMN     "kind" "ChannelKind" NOT NULL DEFAULT 'WHATSAPP',
ADD COLUMN     "secretsChangedAt" TIMESTAMP(3),
ADD COLUMN     "source" "ChannelSource" NOT NULL DEFAULT 'CONFIG';
