/**
 * Page numbers of named destinations in a PDF printed by Chromium (Skia): the catalog's
 * `/Dests` dictionary maps each link target (an element id) to `[pageRef /XYZ …]`, and the page
 * tree gives the order of the pages. Used to put page numbers in the table of contents after a
 * first print; Chromium cannot compute them itself (no CSS target-counter).
 */
function objecten(pdf: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)\s*(?:endobj|stream\r?\n)/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) map.set(Number(m[1]), m[2]!);
  return map;
}

function ref(dict: string, sleutel: string): number | null {
  const m = new RegExp(`/${sleutel}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function paginaVolgorde(obj: Map<number, string>, knoop: number, uit: number[], diepte = 0): void {
  const dict = obj.get(knoop);
  if (!dict || diepte > 32) return;
  if (/\/Type\s*\/Pages\b/.test(dict)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
    for (const k of kids.matchAll(/(\d+) 0 R/g)) paginaVolgorde(obj, Number(k[1]), uit, diepte + 1);
  } else {
    uit.push(knoop);
  }
}

export function paginasVanBestemmingen(pdfBytes: Uint8Array): Map<string, number> {
  const pdf = Buffer.from(pdfBytes).toString('latin1');
  const obj = objecten(pdf);
  const catalogus = [...obj.values()].find((d) => /\/Type\s*\/Catalog\b/.test(d));
  const uit = new Map<string, number>();
  if (!catalogus) return uit;
  const pagesRef = ref(catalogus, 'Pages');
  const destsRef = ref(catalogus, 'Dests');
  if (pagesRef === null || destsRef === null) return uit;
  const volgorde: number[] = [];
  paginaVolgorde(obj, pagesRef, volgorde);
  const index = new Map(volgorde.map((p, i) => [p, i + 1]));
  const dests = obj.get(destsRef) ?? '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const pagina = index.get(Number(m[2]));
    const naam = m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (pagina !== undefined) uit.set(naam, pagina);
  }
  return uit;
}
