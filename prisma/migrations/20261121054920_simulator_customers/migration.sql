-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "typingIndicatorAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Media" ALTER COLUMN "messageId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SimulatorCustomer" (
    "id" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "waId" TEXT NOT NULL,
    "name" TEXT,
    "readsMessages" BOOLEAN NOT NULL DEFAULT true,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatorCustomer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimulatorBusinessProfile" (
    "phoneNumberId" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatorBusinessProfile_pkey" PRIMARY KEY ("phoneNumberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SimulatorCustomer_phoneNumberId_waId_key" ON "SimulatorCustomer"("phoneNumberId", "waId");
