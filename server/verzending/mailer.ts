import nodemailer from 'nodemailer';

export interface Bericht {
  aan: string;
  onderwerp: string;
  tekst: string;
  bijlage: { naam: string; inhoud: Buffer };
}

/** Sends one message; resolves with the SMTP server's answer, rejects when it refused. */
export type Mailer = (bericht: Bericht) => Promise<string>;

/** A nodemailer transport over SMTP_URL, from MAIL_AFZENDER. */
export function maakMailer(smtpUrl: string, afzender: string): Mailer & { sluit: () => void } {
  const transport = nodemailer.createTransport(smtpUrl);
  const mailer = async (b: Bericht) => {
    const info = await transport.sendMail({
      from: afzender, to: b.aan, subject: b.onderwerp, text: b.tekst,
      attachments: [{ filename: b.bijlage.naam, content: b.bijlage.inhoud, contentType: 'application/pdf' }],
    });
    return String(info.response ?? '');
  };
  return Object.assign(mailer, { sluit: () => transport.close() });
}
