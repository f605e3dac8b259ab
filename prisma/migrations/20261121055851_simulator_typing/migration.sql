-- AlterTable
ALTER TABLE "SimulatorCustomer" ADD COLUMN     "typingUntil" TIMESTAMP(3);
