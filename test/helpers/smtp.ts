/**
 * A real SMTP server in the test process (smtp-server): it receives what VT Monitor sends over
 * SMTP_URL and keeps every message raw; `bijlagen` reads the attachments back out of the MIME.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Ontvangen {
  van: string;
  aan: string[];
  ruw: string;
}

export interface TestSmtp {
  url: string;
  berichten: Ontvangen[];
  /** refuse RCPT TO for these addresses (a 550, as a full mailbox would) */
  weiger: Set<string>;
  /** connection errors the server saw (a sender killed mid-session resets its socket: ECONNRESET) */
  verbindingsfouten: Error[];
  sluit: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const berichten: Ontvangen[] = [];
  const weiger = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(adres, _sessie, klaar) {
      if (weiger.has(adres.address)) {
        const fout = new Error('Mailbox vol') as Error & { responseCode: number };
        fout.responseCode = 550;
        klaar(fout);
        return;
      }
      klaar();
    },
    onData(stroom, sessie, klaar) {
      const delen: Buffer[] = [];
      stroom.on('data', (d: Buffer) => delen.push(d));
      stroom.on('end', () => {
        berichten.push({
          van: sessie.envelope.mailFrom ? sessie.envelope.mailFrom.address : '',
          aan: sessie.envelope.rcptTo.map((r) => r.address),
          ruw: Buffer.concat(delen).toString('latin1'),
        });
        klaar(null, 'Bericht ontvangen');
      });
    },
  });
  // smtp-server emits a connection's socket error on the server; without a listener it would be
  // an uncaught exception in the test process whenever a killed sender leaves a session half-open
  const verbindingsfouten: Error[] = [];
  server.on('error', (fout: Error) => verbindingsfouten.push(fout));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    berichten,
    weiger,
    verbindingsfouten,
    sluit: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A header of a raw message (unfolded), decoded from RFC 2047 UTF-8 words. */
export function kop(ruw: string, naam: string): string {
  const koppen = ruw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${naam}:\\s*(.*)$`, 'mi').exec(koppen);
  return (m?.[1] ?? '').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, tekst: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(tekst, 'base64').toString('utf8')
      : Buffer.from(
          tekst.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

interface Deel {
  koppen: string;
  inhoud: string;
}

function delen(ruw: string): Deel[] {
  const grens = /boundary="?([^";\r\n]+)"?/i.exec(ruw)?.[1];
  if (!grens) return [];
  return ruw
    .split(`--${grens}`)
    .slice(1, -1)
    .map((d) => {
      const [koppen, ...rest] = d.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      return { koppen: koppen!, inhoud: rest.join('\n\n') };
    });
}

/** The text part (quoted-printable or base64 decoded). */
export function tekstVan(ruw: string): string {
  return tekstDeel(ruw).replace(/\r\n/g, '\n');
}

function tekstDeel(ruw: string): string {
  const deel = delen(ruw).find((d) => /content-type:\s*text\/plain/i.test(d.koppen));
  if (!deel) return '';
  if (/transfer-encoding:\s*base64/i.test(deel.koppen)) return Buffer.from(deel.inhoud.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/transfer-encoding:\s*quoted-printable/i.test(deel.koppen)) {
    return Buffer.from(
      deel.inhoud.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return Buffer.from(deel.inhoud, 'latin1').toString('utf8');
}

/** The attachments: file name and decoded bytes. */
export function bijlagen(ruw: string): { naam: string; type: string; inhoud: Buffer }[] {
  return delen(ruw)
    .filter((d) => /content-disposition:\s*attachment/i.test(d.koppen.replace(/\r?\n[ \t]+/g, ' ')))
    .map((d) => {
      const k = d.koppen.replace(/\r?\n[ \t]+/g, ' ');
      return {
        naam: /filename="?([^";\r\n]+)"?/i.exec(k)?.[1] ?? '',
        type: /content-type:\s*([^;\r\n]+)/i.exec(k)?.[1]?.trim() ?? '',
        inhoud: Buffer.from(d.inhoud.replace(/\s+/g, ''), 'base64'),
      };
    });
}
