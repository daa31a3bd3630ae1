import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { sterfBij, sterftBij } from '../shared/sterfpunt.js';

export interface Bericht {
  aan: string;
  onderwerp: string;
  tekst: string;
  bijlage: { naam: string; inhoud: Buffer };
  /** the Message-ID (`<…@domein>`), the same on every attempt of one delivery */
  berichtId?: string;
}

/** Sends one message; resolves with the SMTP server's answer, rejects when it refused. */
export type Mailer = ((bericht: Bericht) => Promise<string>) & {
  /** the sender's domain, for Message-IDs */
  domein?: string;
};

/**
 * Timeouts well inside the lease of a delivery being sent (verzending.ts, BEZIG_MINUTEN): a
 * sender that hangs gives up long before another instance may take its delivery over.
 */
const TIJDSLIMIETEN = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Test-only (VT_TEST_STERF_BIJ=tijdens_smtp): the attachment's first half goes out, then the process dies mid-DATA. */
function halverwegeSterven(inhoud: Buffer): Readable {
  let deel = 0;
  return new Readable({
    read() {
      if (deel++ === 0) this.push(inhoud.subarray(0, inhoud.length >> 1));
      else sterfBij('tijdens_smtp');
    },
  });
}

/** A nodemailer transport over SMTP_URL, from MAIL_AFZENDER. */
export function maakMailer(smtpUrl: string, afzender: string): Mailer & { sluit: () => void } {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIJDSLIMIETEN });
  const mailer = async (b: Bericht) => {
    const info = await transport.sendMail({
      from: afzender,
      to: b.aan,
      subject: b.onderwerp,
      text: b.tekst,
      ...(b.berichtId ? { messageId: b.berichtId } : {}),
      attachments: [
        {
          filename: b.bijlage.naam,
          contentType: 'application/pdf',
          content: sterftBij('tijdens_smtp') ? halverwegeSterven(b.bijlage.inhoud) : b.bijlage.inhoud,
        },
      ],
    });
    return String(info.response ?? '');
  };
  const domein = /@([^@<>\s]+)>?\s*$/.exec(afzender)?.[1];
  return Object.assign(mailer, { sluit: () => transport.close(), ...(domein ? { domein } : {}) });
}
