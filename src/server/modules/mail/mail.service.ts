import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { JobQueue } from '../../jobs/queue.js';
import { findMail, insertMail, updateMail } from './mail.repository.js';

export const MAIL_SEND_JOB = 'mail.send';

/** What `to_address` holds once a protected reporter's notice has been delivered. */
export const FORGOTTEN_RECIPIENT = '(disembunyikan setelah terkirim)';
/** What `to_address` holds when the retention job erased a reporter's address that was never delivered. */
export const ERASED_RECIPIENT = '(dihapus: masa simpan habis)';
/** What the dev outbox page shows instead of a protected reporter's address. */
export const HIDDEN_RECIPIENT = '(pelapor)';

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
      forgetRecipient: mail.forgetRecipient === true,
    });
    if (!this.transport) {
      // Dev mode: the message is readable on the outbox page and in the server log.
      this.log.info({ to: mail.forgetRecipient ? HIDDEN_RECIPIENT : mail.to, subject: mail.subject, body: mail.body }, 'dev outbox: e-mail not sent (no SMTP_URL)');
      return async () => {};
    }
    return () => this.jobs.enqueue(MAIL_SEND_JOB, { tenantId, id: row.id, isSecret: mail.isSecret === true, forgetRecipient: mail.forgetRecipient === true });
  }

  /**
   * Job handler: delivers one queued message; idempotent (a sent message is skipped). A reporter's
   * address is replaced as soon as the message is delivered; if it never is, the retention job
   * erases it (modules/retention).
   */
  async deliver(db: Db, payload: { tenantId: string; id: string; isSecret: boolean; forgetRecipient?: boolean }): Promise<void> {
    const row = await findMail(db, payload.tenantId, payload.id);
    if (!row || row.status === 'sent' || !this.transport || row.toAddress === FORGOTTEN_RECIPIENT || row.toAddress === ERASED_RECIPIENT) return;
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: row.toAddress, subject: row.subject, text: row.body ?? '' });
      await updateMail(db, payload.tenantId, payload.id, {
        status: 'sent',
        sentAt: new Date(),
        attempts: row.attempts + 1,
        body: payload.isSecret ? null : row.body,
        ...(payload.forgetRecipient || row.forgetRecipient ? { toAddress: FORGOTTEN_RECIPIENT } : {}),
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
