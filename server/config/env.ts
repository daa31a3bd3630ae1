import { z } from 'zod';
import { projectPath } from './paths.js';

/** Configuration from the environment, validated once at boot. */
const envSchema = z
  .object({
    DATABASE_URL: z.string().min(1).default('data/vt-monitor.sqlite'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    REGIO_BESTAND: z
      .string()
      .min(1)
      .default(projectPath('config', 'regio', 'gelderland-zuid.json')),
    KALENDER_BESTAND: z.string().min(1).default(projectPath('config', 'kalender.json')),
    /** sector norms shown as reference on the dashboards and in the reports (percent on time) */
    NORM_VB: z.coerce.number().min(0).max(100).default(90),
    NORM_ONDERZOEK: z.coerce.number().min(0).max(100).default(80),
    NORM_VV: z.coerce.number().min(0).max(100).default(80),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
    /** demo accounts for each role, shown on the login page; default on, except in production */
    DEMO_MODUS: z.enum(['aan', 'uit']).optional(),
    /** session cookie only over HTTPS; default on in production */
    COOKIE_SECURE: z.enum(['aan', 'uit']).optional(),
    /** behind a reverse proxy: trust its X-Forwarded-* headers (express "trust proxy") */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    SESSIE_UREN: z.coerce
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(8),
    UPLOAD_MAX_MB: z.coerce.number().min(1).max(2000).default(300),
    LOGIN_MAX_POGINGEN: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_BLOKKADE_MINUTEN: z.coerce
      .number()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** delivery of the reports by e-mail: smtp://user:pass@host:587 or smtps://host:465 */
    SMTP_URL: z
      .string()
      .url('SMTP_URL moet een URL zijn zoals smtp://gebruiker:wachtwoord@mail.example.nl:587')
      .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL begint met smtp:// of smtps://')
      .optional(),
    /** the sender of the reports, e.g. "Veilig Thuis Gelderland-Zuid <rapportages@vtgz.nl>" */
    MAIL_AFZENDER: z
      .string()
      .min(3)
      .refine(
        (a) => /^[^<>]*<[^@<>\s]+@[^@<>\s]+>$|^[^@<>\s]+@[^@<>\s]+$/.test(a.trim()),
        'MAIL_AFZENDER moet een e-mailadres zijn, eventueel met naam: Naam <adres@example.nl>',
      )
      .optional(),
    /** the server sends the reports of a closed period itself, once, as soon as their duiding is definitief */
    VERZEND_AUTOMATISCH: z.enum(['aan', 'uit']).default('uit'),
    /** where a visitor reports an accessibility problem (toegankelijkheidsverklaring): an e-mail address or an https:// page */
    TOEGANKELIJKHEID_CONTACT: z
      .string()
      .trim()
      .refine(
        (c) => /^[^@<>\s]+@[^@<>\s]+\.[a-z]{2,}$/i.test(c) || /^https:\/\/\S+$/.test(c),
        'TOEGANKELIJKHEID_CONTACT moet een e-mailadres of een https://-adres zijn',
      )
      .optional(),
    /** the status of the Dutch model statement: A voldoet volledig, B gedeeltelijk, C eerste maatregelen, D voldoet niet */
    TOEGANKELIJKHEID_STATUS: z.enum(['A', 'B', 'C', 'D']).default('C'),
    /** the date of the last accessibility check (YYYY-MM-DD); by default the last automated check of this version */
    TOEGANKELIJKHEID_CONTROLE: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'TOEGANKELIJKHEID_CONTROLE is een datum JJJJ-MM-DD')
      .optional(),
    /** the organisation on the reports' cover and in the PDF's author field; default: `organisatie` of the region file */
    ORGANISATIE_NAAM: z.string().trim().min(1).optional(),
    /** its logo on the cover (PNG, JPEG or SVG; a path, relative to the project or absolute); default: the region file's, else reports/logo.svg */
    ORGANISATIE_LOGO: z
      .string()
      .trim()
      .regex(/\.(png|jpe?g|svg)$/i, 'ORGANISATIE_LOGO moet een PNG-, JPEG- of SVG-bestand zijn')
      .optional(),
  })
  .superRefine((e, c) => {
    if (e.VERZEND_AUTOMATISCH === 'aan' && (!e.SMTP_URL || !e.MAIL_AFZENDER)) {
      c.addIssue({ code: 'custom', path: ['VERZEND_AUTOMATISCH'], message: 'VERZEND_AUTOMATISCH=aan vraagt ook SMTP_URL en MAIL_AFZENDER' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export const isProductie = (env: Env) => env.NODE_ENV === 'production';
/** The sector norms (percent on time) the dashboards and reports compare with. */
export const normenVan = (env: Env) => ({ vb: env.NORM_VB, onderzoek: env.NORM_ONDERZOEK, vv: env.NORM_VV });
export const demoModusAan = (env: Env) => (env.DEMO_MODUS ?? (isProductie(env) ? 'uit' : 'aan')) === 'aan';
export const cookieSecure = (env: Env) => (env.COOKIE_SECURE ?? (isProductie(env) ? 'aan' : 'uit')) === 'aan';

/** The region with the organisation's name and logo from the environment, where it names them. */
export const metOrganisatie = <R extends { organisatie: string; logo?: string | undefined }>(regio: R, env: Env): R => ({
  ...regio,
  organisatie: env.ORGANISATIE_NAAM ?? regio.organisatie,
  logo: env.ORGANISATIE_LOGO ?? regio.logo,
});

export function leesEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Ongeldige configuratie: ${problems}`);
  }
  return result.data;
}
