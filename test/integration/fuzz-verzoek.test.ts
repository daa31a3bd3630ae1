/**
 * No request takes the site down (issue 26 §1). Every route of the app — read from express's own
 * router stack, so a route added tomorrow is fuzzed tomorrow — is called as every role and
 * anonymously with malformed cookies, headers, query strings, path parts and bodies. A 4xx, a
 * redirect or an ignored value is fine; a 5xx (or no answer) fails the test and names the request.
 *
 * Seeded (SEED below): the same requests every run. Requests are sent raw (node:http), so a path
 * or header reaches the server byte for byte as written here.
 */
import http from 'node:http';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLEN, type Rol } from '../../server/auth/rollen.js';
import { maakSessie } from '../../server/auth/sessies-repository.js';
import { maakApp } from '../../server/web/app.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { startServer, testgebruiker } from '../helpers/server.js';

const SEED = 26;
/** sampled cases per route and identity, beside the ones every route gets */
const PER_IDENTITEIT = 5;
/**
 * Routes that take a second per valid request (argon2 on a password form, a report preview, a
 * PDF) get fewer sampled cases; their parsing is the same code as everywhere else.
 */
const ZWAAR = (r: Route) =>
  r.pad.startsWith('/rapportages/:') || r.pad.endsWith('alle-tabellen.xlsx') || (r.methode === 'POST' && ['/inloggen', '/wachtwoord'].includes(r.pad));
const PER_IDENTITEIT_ZWAAR = 1;

interface Route {
  methode: 'GET' | 'POST';
  pad: string;
}

/** Every route of the app, from the router stack (routers mounted at the root, as app.ts does). */
function routesVan(app: Express): Route[] {
  const uit: Route[] = [];
  type Laag = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Laag[] } };
  const loop = (stack: Laag[]) => {
    for (const laag of stack) {
      if (laag.route) {
        for (const pad of ([] as string[]).concat(laag.route.path)) {
          for (const m of Object.keys(laag.route.methods)) if (m === 'get' || m === 'post') uit.push({ methode: m.toUpperCase() as Route['methode'], pad });
        }
      } else if (laag.handle?.stack) loop(laag.handle.stack);
    }
  };
  loop((app as unknown as { router: { stack: Laag[] } }).router.stack);
  return uit;
}

/** A plausible value per path parameter, so the malformed parts reach the code behind the route. */
const GELDIG: Record<string, string> = {
  code: 'GM0281',
  kwartaal: '2019-Q1',
  periode: '2019-Q1',
  grafiek: 'vb-besluiten',
  formaat: 'csv',
  id: '999999',
  naam: 'privacy',
};
const KAPOT_PAD = [
  '%E0%A4%A',
  '%',
  '%00',
  '%zz',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(3000),
  '__proto__',
  'constructor',
  '%C0%AE%C0%AE',
  'GM0281%00',
  '2019-Q1%',
];

const KAPOTTE_COOKIES = [
  'x=%',
  'x=%E0%A4%A',
  'vt_sessie=%',
  'vt_login_csrf=%',
  '=; ; ;=;',
  '__proto__=x; constructor=y; toString=z',
  'x="open',
  `vt_sessie=${'a'.repeat(4000)}`,
  'vt_sessie=; vt_sessie=%',
  'a=\u00ff\u00fe',
  ';;;;',
  'vt_sessie',
];
const KAPOTTE_KOPPEN: Record<string, string>[] = [
  { 'x-csrf-token': '%' },
  { 'if-none-match': '"' },
  { 'if-none-match': '*' },
  { 'if-modified-since': 'gisteren' },
  { accept: '*/*;q=x' },
  { range: 'bytes=9-1' },
  { 'accept-language': ';;;,,q=' },
  { 'x-forwarded-for': 'x, %, ::::' },
  { 'accept-encoding': 'gzip;q=foo' },
  { 'content-type': 'application/json; charset=ebcdic' },
  { referer: '%' },
  { 'if-match': 'x' },
  { 'x-csrf-token': 'a'.repeat(5000) },
];
const KAPOTTE_QUERIES = [
  '?kwartaal=%',
  '?kwartaal=%E0%A4%A',
  '?a[b]=',
  '?kwartaal=2019-Q1&kwartaal=2019-Q2',
  '?kwartaal[]=2019-Q1',
  '?__proto__[x]=1',
  '?constructor=1&hasOwnProperty=1&toString=2',
  `?kwartaal=${'x'.repeat(20000)}`,
  '?periode=1e309',
  '?gemeente=%00',
  '?terug=%',
  '?terug=//evil.example',
  '?indicator=__proto__&van=2019-Q1&tot=2019-Q2',
  '?indicator=constructor.prototype&van=2019-Q1&tot=2019-Q4',
  '?van=2019-Q4&tot=1000-Q1&indicator=meldingen',
  '?van=0001-Q1&tot=9999-Q4&indicator=meldingen',
  '?&&==&=',
  '?_csrf[]=x',
  '?actie=%FF',
  '?kwartaal=2019-Q1&periode=-1',
  '?gemeente[]=GM0281',
  '?gemeente=GM0268&gemeente=GM0281',
  `?${Array.from({ length: 2000 }, (_, i) => `k${i}=${i}`).join('&')}`,
];
interface Body {
  type?: string;
  data: string | Buffer;
  extra?: Record<string, string>;
}
const KAPOTTE_BODIES: Body[] = [
  { type: 'application/x-www-form-urlencoded', data: '%' },
  { type: 'application/x-www-form-urlencoded', data: 'email=%E0%A4%A&wachtwoord=%' },
  { type: 'application/x-www-form-urlencoded', data: 'a[b]=1&a=2&email[]=x&gemeente[0]=GM0281' },
  { type: 'application/x-www-form-urlencoded', data: `email=${'x'.repeat(200_000)}` },
  { type: 'application/x-www-form-urlencoded', data: Array.from({ length: 500 }, (_, i) => `k${i}=${i}`).join('&') },
  { type: 'application/x-www-form-urlencoded; charset=utf-7', data: 'email=a' },
  { type: 'application/x-www-form-urlencoded', data: 'email=a', extra: { 'content-encoding': 'gzip' } },
  { type: 'application/x-www-form-urlencoded', data: 'email=a', extra: { 'content-encoding': 'klingon' } },
  { type: 'application/json', data: '{"email": ' },
  { type: 'text/plain', data: 'gewoon tekst' },
  { type: 'multipart/form-data', data: '--x\r\n' },
  { type: 'multipart/form-data; boundary=x', data: 'rommel zonder grens' },
  {
    type: 'multipart/form-data; boundary=x',
    data:
      '--x\r\nContent-Disposition: form-data; name="soort"\r\n\r\nregistraties\r\n--x\r\nContent-Disposition: ' +
      'form-data; name="bestand"; filename="a.csv"\r\n\r\nafgebroken',
  },
  {
    type: 'multipart/form-data; boundary=x',
    data:
      '--x\r\nContent-Disposition: form-data; name="bestand"; filename="a.csv"\r\nContent-Type: ' +
      'text/csv\r\n\r\na,b\r\n--x\r\nContent-Disposition: form-data; name="bestand2"; filename="b.csv"\r\n\r\nc\r\n--x--\r\n',
  },
  { type: '%%%', data: 'x' },
  { data: 'zonder type' },
];

/** mulberry32: a small seeded generator, the same cases every run */
function willekeur(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Verzoek {
  methode: string;
  pad: string;
  koppen: Record<string, string>;
  body?: string | Buffer;
  wat: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function stuur(base: string, v: Verzoek): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: v.methode, path: v.pad, headers: v.koppen, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('geen antwoord binnen 30 s')));
    req.on('error', reject);
    req.end(v.body);
  });
}

let ctx: TestContext;
let server: Server;
let base: string;
const ROUTES: Route[] = [];
/** a user per role; POST routes get a session of their own (a fuzzed /uitloggen ends it) */
const gebruikers = new Map<Rol, number>();

const identiteiten = ['anoniem', ...ROLLEN] as const;
type Identiteit = (typeof identiteiten)[number];

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(ctx, [
    ...Array.from({ length: 12 }, () => melding({ binnenkomst: '2019-01-10', gemeente: 'GM0268', vb: '2019-01-11' })),
    melding({ binnenkomst: '2019-02-10', gemeente: 'GM0281', vb: '2019-02-11' }),
    advies({ binnenkomst: '2019-02-10', gemeente: 'GM0281' }),
  ]);
  ROUTES.push(...routesVan(maakApp(ctx)), { methode: 'GET', pad: '/bestaat/niet' }, { methode: 'POST', pad: '/bestaat/niet' });
  ({ server, base } = await startServer(ctx));
  for (const rol of ROLLEN) {
    gebruikers.set(rol, await testgebruiker(ctx, { email: `fuzz-${rol}@test.vt`, rol, gemeenten: rol === 'gemeente' ? ['GM0281'] : [] }));
  }
});
afterAll(async () => {
  agent.destroy();
  server?.close();
  await ctx?.close();
});

/** The path of a route with its parameters filled in (one of them malformed when `kapot` is given). */
function vulIn(pad: string, kapot?: { naam: string; waarde: string }): string {
  return pad.replace(/:(\w+)/g, (_, naam: string) => (kapot?.naam === naam ? kapot.waarde : (GELDIG[naam] ?? 'x')));
}

/** The requests for one route as one identity: the known site-wide crash first, then a seeded sample. */
function verzoeken(route: Route, cookie: string | null, csrf: string | null, kies: () => number): Verzoek[] {
  const params = [...route.pad.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  // printing a PDF per case would take minutes: PDF routes get malformed path parts only
  const alleenKapotPad = route.pad.endsWith('.pdf') && params.length > 0;
  const greep = <T>(lijst: readonly T[]) => lijst[Math.floor(kies() * lijst.length)]!;
  const metCookie = (extra?: string) => [cookie, extra].filter(Boolean).join('; ');
  const kapotPad = () => {
    const naam = greep(params);
    const waarde = greep(KAPOT_PAD);
    return { pad: vulIn(route.pad, { naam, waarde }), wat: `:${naam}=${waarde.slice(0, 30)}` };
  };
  const basis = (): Verzoek => {
    const p = alleenKapotPad ? kapotPad() : { pad: vulIn(route.pad), wat: '' };
    return {
      methode: route.methode,
      pad: p.pad,
      koppen: { ...(cookie ? { cookie } : {}), ...(csrf && route.methode === 'POST' ? { 'x-csrf-token': csrf } : {}) },
      wat: p.wat,
    };
  };
  const soorten: (() => Verzoek)[] = [
    () => {
      const c = greep(KAPOTTE_COOKIES);
      const v = basis();
      return { ...v, koppen: { ...v.koppen, cookie: kies() < 0.5 ? metCookie(c) : `${c}; ${metCookie()}` }, wat: `${v.wat} cookie ${c.slice(0, 40)}` };
    },
    () => {
      const k = greep(KAPOTTE_KOPPEN);
      const v = basis();
      return { ...v, koppen: { ...v.koppen, ...k }, wat: `${v.wat} header ${JSON.stringify(k).slice(0, 60)}` };
    },
    () => {
      const q = greep(KAPOTTE_QUERIES);
      const v = basis();
      return { ...v, pad: v.pad + q, wat: `${v.wat} query ${q.slice(0, 60)}` };
    },
  ];
  if (params.length > 0) {
    soorten.push(() => {
      const v = basis();
      const p = kapotPad();
      return { ...v, pad: p.pad, wat: p.wat };
    });
  }
  if (route.methode === 'POST') {
    const body = () => {
      const b = greep(KAPOTTE_BODIES);
      const v = basis();
      return {
        ...v,
        koppen: { ...v.koppen, ...(b.type ? { 'content-type': b.type } : {}), ...b.extra },
        body: b.data,
        wat: `${v.wat} body ${String(b.type)} ${String(b.data).slice(0, 40)}`,
      };
    };
    soorten.push(body, body);
  }
  const uit: Verzoek[] = [];
  // the crash of the issue: one malformed cookie beside a valid session, on every route
  const eerste = basis();
  uit.push({ ...eerste, koppen: { ...eerste.koppen, cookie: metCookie('x=%') }, wat: `${eerste.wat} cookie x=%` });
  for (let i = 0; i < (ZWAAR(route) ? PER_IDENTITEIT_ZWAAR : PER_IDENTITEIT); i++) uit.push(greep(soorten)());
  return uit;
}

describe(`malformed requests to every route as every identity (seed ${SEED})`, () => {
  it(
    `no 5xx and an answer to each (${PER_IDENTITEIT + 1} requests per route, ${PER_IDENTITEIT_ZWAAR + 1} ` +
      `per slow route, × ${identiteiten.length} identities)`,
    async () => {
      const kies = willekeur(SEED);
      const vijfhonderd: string[] = [];
      let aantal = 0;
      const tijd = new Map<string, number>();
      const sessies = new Map<Rol, { cookie: string; csrf: string }>();
      const sessieVan = async (rol: Rol, nieuw: boolean) => {
        if (nieuw || !sessies.has(rol)) {
          const s = await maakSessie(ctx.db, gebruikers.get(rol)!, 1);
          sessies.set(rol, { cookie: `vt_sessie=${s.token}`, csrf: s.csrf });
        }
        return sessies.get(rol)!;
      };
      const plan: { wie: Identiteit; route: Route; v: Verzoek }[] = [];
      for (const route of ROUTES) {
        for (const wie of identiteiten as readonly Identiteit[]) {
          const s = wie === 'anoniem' ? null : await sessieVan(wie, route.methode === 'POST');
          for (const v of verzoeken(route, s?.cookie ?? null, s?.csrf ?? null, kies)) plan.push({ wie, route, v });
        }
      }
      // three at a time: argon2 and the database work beside the event loop
      let volgende = 0;
      const werker = async () => {
        while (volgende < plan.length) {
          const { wie, route, v } = plan[volgende++]!;
          aantal++;
          let status: number | string;
          const t0 = Date.now();
          try {
            status = await stuur(base, v);
          } catch (error) {
            status = (error as Error).message;
          }
          if (process.env.FUZZ_TRACE) tijd.set(`${route.methode} ${route.pad}`, (tijd.get(`${route.methode} ${route.pad}`) ?? 0) + Date.now() - t0);
          if (typeof status !== 'number' || status >= 500) vijfhonderd.push(`${status} ${wie} ${route.methode} ${route.pad} ←${v.wat}`);
        }
      };
      await Promise.all([werker(), werker(), werker()]);
      if (process.env.FUZZ_TRACE)
        console.log(
          [...tijd]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 25)
            .map(([r, ms]) => `${ms} ms ${r}`)
            .join('\n'),
        );
      console.log(`fuzz-verzoek: ${aantal} requests, ${ROUTES.length} routes, ${identiteiten.length} identities, ${vijfhonderd.length} failures`);
      expect(ROUTES.length).toBeGreaterThan(40);
      expect(vijfhonderd).toEqual([]);
    },
    240_000,
  );
});
