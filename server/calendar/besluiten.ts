import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDate } from './dates.js';

/**
 * The Royal Decrees (Besluit gelijkstelling, art. 3 lid 3 Algemene termijnenwet) as shipped in
 * `config/kalender.json`: one per three years, each with its source. Knowledge as data: the
 * werkdagen calendar reads the days, the warnings read the years they cover.
 */
const datum = z.string().refine(isIsoDate, 'een datum als 2026-05-15');
const jaar = z.number().int().min(1990).max(2100);

const besluitSchema = z
  .object({
    jaren: z.tuple([jaar, jaar]).refine(([van, tot]) => van <= tot, 'het eerste jaar ligt na het laatste'),
    besluit: z.string().min(1),
    staatscourant: z.string().min(1).nullable(),
    bron: z.string().min(1),
    dagen: z.array(datum),
    onbevestigdeJaren: z.array(jaar).default([]),
  })
  .superRefine((b, ctx) => {
    for (const d of b.dagen) {
      const j = Number(d.slice(0, 4));
      if (j < b.jaren[0] || j > b.jaren[1]) {
        ctx.addIssue({ code: 'custom', message: `${d} valt buiten de jaren ${b.jaren[0]}–${b.jaren[1]} van het besluit` });
      }
    }
  });

const kalenderSchema = z.object({
  toelichting: z.string().optional(),
  /** loose extra days (older files); added to those of the decrees */
  extraFeestdagen: z.array(datum).default([]),
  besluiten: z.array(besluitSchema).default([]),
});

export type Besluit = z.infer<typeof besluitSchema>;

export interface Kalenderbestand {
  extraFeestdagen: string[];
  besluiten: Besluit[];
}

export function leesKalender(input: unknown, bestand = 'kalender.json'): Kalenderbestand {
  const result = kalenderSchema.safeParse(input);
  if (!result.success) {
    const problemen = result.error.issues.map((i) => `${i.path.join('.') || '(bestand)'}: ${i.message}`).join('; ');
    throw new Error(`Kalenderbestand ${bestand} is ongeldig: ${problemen}`);
  }
  const { extraFeestdagen, besluiten } = result.data;
  const dagen = [...new Set([...extraFeestdagen, ...besluiten.flatMap((b) => b.dagen)])].sort();
  return { extraFeestdagen: dagen, besluiten };
}

export function laadKalender(path: string): Kalenderbestand {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`Kalenderbestand ${path} kan niet worden gelezen: ${(cause as Error).message}`, { cause });
  }
  return leesKalender(json, path);
}

/** What the decrees cover: the last year, and the years whose days are not confirmed. */
export interface Dekking {
  /** the first year a decree covers; null when no decree is configured (absent: not known) */
  vanJaar?: number | null;
  /** the last year a decree covers; null when no decree is configured */
  totJaar: number | null;
  onbevestigdeJaren: number[];
}

export function dekkingVan(besluiten: readonly Besluit[]): Dekking {
  return {
    vanJaar: besluiten.length === 0 ? null : Math.min(...besluiten.map((b) => b.jaren[0])),
    totJaar: besluiten.length === 0 ? null : Math.max(...besluiten.map((b) => b.jaren[1])),
    onbevestigdeJaren: [...new Set(besluiten.flatMap((b) => b.onbevestigdeJaren))].sort(),
  };
}

/**
 * Dutch warnings for data whose dates run from `vanJaar` to `totJaar`: past the last decree year
 * the werkdagen miss the days a future decree will add; before the first one, the days of the
 * earlier decrees that are not configured; unconfirmed years miss theirs.
 */
export function kalenderWaarschuwingen(dekking: Dekking, vanJaar: number, totJaar: number): string[] {
  const uit: string[] = [];
  if (dekking.totJaar === null) {
    uit.push(
      'Let op: er is geen Koninklijk Besluit gelijkstelling geconfigureerd (config/kalender.json); werkdagen worden berekend zonder gelijkgestelde dagen.',
    );
  } else if (totJaar > dekking.totJaar) {
    uit.push(
      `Let op: de gegevens lopen tot in ${totJaar}, maar de gelijkgestelde dagen (Koninklijk Besluit, ` +
        `Algemene termijnenwet art. 3 lid 3) zijn bekend tot en met ${dekking.totJaar}. ` +
        (`Werkdagen na ${dekking.totJaar} zijn berekend zonder gelijkgestelde dagen; vul config/kalender.json ` +
          `aan zodra het nieuwe besluit in de Staatscourant staat en draai "vt-monitor herbereken --afleiden".`),
    );
  }
  if (dekking.vanJaar !== null && dekking.vanJaar !== undefined && vanJaar < dekking.vanJaar) {
    uit.push(
      `Let op: de gegevens beginnen in ${vanJaar}, maar de gelijkgestelde dagen (Koninklijk Besluit, ` +
        `Algemene termijnenwet art. 3 lid 3) zijn bekend vanaf ${dekking.vanJaar}. ` +
        (`Werkdagen vóór ${dekking.vanJaar} zijn berekend zonder gelijkgestelde dagen; vul config/kalender.json ` +
          `aan met het besluit over die jaren en draai "vt-monitor herbereken --afleiden".`),
    );
  }
  const onbevestigd = dekking.onbevestigdeJaren.filter((j) => j >= vanJaar && j <= totJaar);
  if (onbevestigd.length > 0) {
    uit.push(
      `Let op: voor ${onbevestigd.join(' en ')} zijn de gelijkgestelde dagen niet in een bron bevestigd ` +
        `(config/kalender.json); werkdagen in ${onbevestigd.length === 1 ? 'dat jaar' : 'die jaren'} ` +
        `zijn berekend zonder die dagen.`,
    );
  }
  return uit;
}
