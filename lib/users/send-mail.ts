import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

// Invitations and password-reset links go out by e-mail when SMTP_URL is set. The link is always
// shown to the admin as well, so a mail server that is down or slow costs a copy and paste, not
// the invitation: a failure is reported, never thrown.

export type MailOutcome = { emailed: boolean; emailFailed: boolean };

export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<MailOutcome> {
  const smtp = config().smtp;
  if (!smtp) return { emailed: false, emailFailed: false };
  try {
    const transport = nodemailer.createTransport({
      url: smtp.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await transport.sendMail({ from: smtp.from, to, subject, text });
    transport.close();
    return { emailed: true, emailFailed: false };
  } catch (error) {
    console.error(`[mail] could not send "${subject}" to ${to}`, error);
    return { emailed: false, emailFailed: true };
  }
}
