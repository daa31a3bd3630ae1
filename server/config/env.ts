import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from './paths.js';

/** Configuration from the environment, validated once at boot. */
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('data/vt-monitor.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REGIO_BESTAND: z.string().min(1).default(projectPath('config', 'regio', 'gelderland-zuid.json')),
  KALENDER_BESTAND: z.string().min(1).default(projectPath('config', 'kalender.json')),
  /** sector norms shown as reference on the dashboards and in the reports (percent on time) */
  NORM_VB: z.coerce.number().min(0).max(100).default(90),
  NORM_ONDERZOEK: z.coerce.number().min(0).max(100).default(80),
  NORM_VV: z.coerce.number().min(0).max(100).default(80),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Ongeldige configuratie: ${problems}`);
  }
  return result.data;
}

const kalenderSchema = z.object({
  extraFeestdagen: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});

export function loadExtraFeestdagen(path: string): string[] {
  return kalenderSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).extraFeestdagen;
}
