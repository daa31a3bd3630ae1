/** The posts of the financial file, in report order, with the total they belong to. */
export const POSTEN = [
  { post: 'subsidie_gemeenten', naam: 'Subsidie gemeenten', groep: 'inkomsten' },
  { post: 'overige_inkomsten', naam: 'Overige inkomsten', groep: 'inkomsten' },
  { post: 'personeelskosten', naam: 'Personeelskosten', groep: 'personeelskosten' },
  { post: 'externe_personeelskosten', naam: 'Externe personeelskosten', groep: 'personeelskosten' },
  { post: 'overige_personeelskosten', naam: 'Overige personeelskosten', groep: 'personeelskosten' },
  { post: 'organisatiekosten', naam: 'Organisatiekosten', groep: 'overige_kosten' },
  { post: 'lasten_vorig_boekjaar', naam: 'Lasten vorig boekjaar', groep: 'overige_kosten' },
] as const;

export type Post = (typeof POSTEN)[number]['post'];
export type Groep = (typeof POSTEN)[number]['groep'];

export const POST_CODES = POSTEN.map((p) => p.post) as readonly string[];

export const TOTALEN = [
  { totaal: 'inkomsten', naam: 'Totaal inkomsten' },
  { totaal: 'personeelskosten', naam: 'Totaal personeelskosten' },
  { totaal: 'overige_kosten', naam: 'Totaal overige kosten' },
  { totaal: 'kosten', naam: 'Totaal kosten' },
  { totaal: 'resultaat', naam: 'Resultaat' },
] as const;

export type Totaal = (typeof TOTALEN)[number]['totaal'];

export const FINANCIEN_KOLOMMEN = ['kwartaal', 'post', 'realisatie', 'begroting', 'begroting_jaar'] as const;
export const FORMATIE_KOLOMMEN = ['maand', 'fte_personeel', 'fte_inhuur', 'status'] as const;
export const FORMATIE_STATUS = ['realisatie', 'prognose'] as const;
