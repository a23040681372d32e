import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { JobQueue } from '../../jobs/queue.js';
import { findMail, insertMail, updateMail } from './mail.repository.js';

export const MAIL_SEND_JOB = 'mail.send';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  /** The body holds a secret (a one-time code): erase it once delivered. */
  isSecret?: boolean;
  /** The recipient is a protected reporter: forget the address once delivered, never log it. */
  forgetRecipient?: boolean;
}

/** Sends mail through SMTP (nodemailer, pooled) or, without SMTP, keeps it for the dev outbox. */
export class Mailer {
  private transport: Transporter | null;
  constructor(
    private readonly config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'isDevOutbox'>,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(`${config.SMTP_URL}${config.SMTP_URL.includes('?') ? '&' : '?'}pool=true`) : null;
  }

  /** Stores the message in the caller's transaction; returns a function to call after commit. */
  async queue(tx: DbOrTx, tenantId: string, mail: OutgoingMail): Promise<() => Promise<void>> {
    const row = await insertMail(tx, {
      tenantId,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      status: this.transport ? 'queued' : 'outbox',
    });
    if (!this.transport) {
      // Dev mode: the message is readable on the outbox page and in the server log.
      this.log.info({ to: mail.forgetRecipient ? '(pelapor)' : mail.to, subject: mail.subject, body: mail.body }, 'dev outbox: e-mail not sent (no SMTP_URL)');
      return async () => {};
    }
    return () => this.jobs.enqueue(MAIL_SEND_JOB, { tenantId, id: row.id, isSecret: mail.isSecret === true, forgetRecipient: mail.forgetRecipient === true });
  }

  /** Job handler: delivers one queued message; idempotent (a sent message is skipped). */
  async deliver(db: Db, payload: { tenantId: string; id: string; isSecret: boolean; forgetRecipient?: boolean }): Promise<void> {
    const row = await findMail(db, payload.tenantId, payload.id);
    if (!row || row.status === 'sent' || !this.transport) return;
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: row.toAddress, subject: row.subject, text: row.body ?? '' });
      await updateMail(db, payload.tenantId, payload.id, {
        status: 'sent',
        sentAt: new Date(),
        attempts: row.attempts + 1,
        body: payload.isSecret ? null : row.body,
        ...(payload.forgetRecipient ? { toAddress: '(disembunyikan setelah terkirim)' } : {}),
      });
    } catch (error) {
      await updateMail(db, payload.tenantId, payload.id, { status: 'failed', attempts: row.attempts + 1, lastError: String(error) });
      throw error;
    }
  }

  close(): void {
    this.transport?.close();
  }
}
