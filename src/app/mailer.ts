/**
 * Sends the digests over SMTP with nodemailer. The server and sender come from the environment
 * (SMTP_URL, e.g. smtp://localhost:2525 or smtps://user:password@mail.example:465; MAIL_FROM).
 */
import nodemailer from 'nodemailer';
import type { DigestMessage } from '../domain/reminders/digest.js';

export interface MailSettings {
  readonly smtpUrl: string;
  readonly from: string;
}

export type SendResult = { readonly message: DigestMessage; readonly ok: true } | { readonly message: DigestMessage; readonly ok: false; readonly error: string };

/**
 * Sends each message in turn over one connection; a failure is reported and the rest are still
 * sent. `afterEach` is awaited after each message, before the next is sent: where each sent message
 * is recorded, so that a run cut short has recorded every message it sent.
 */
export async function sendDigests(messages: readonly DigestMessage[], settings: MailSettings, afterEach: (result: SendResult) => Promise<void> = async () => {}): Promise<SendResult[]> {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  const results: SendResult[] = [];
  try {
    for (const message of messages) {
      try {
        await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
        results.push({ message, ok: true });
      } catch (error) {
        results.push({ message, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
      await afterEach(results[results.length - 1] as SendResult);
    }
  } finally {
    transport.close();
  }
  return results;
}
