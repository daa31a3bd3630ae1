// Renders every chart on the page from its JSON data block (no inline scripts).
import { pasFormaatToe } from './grafiek-formaat.js';

const echarts = window.echarts;

/** The chart's table as one Dutch sentence per row, for screen readers ("Q1 2024: meldingen 1.421, adviezen 1.102."). */
export function beschrijving(figuur) {
  const titel = figuur.querySelector('.grafiek__titel')?.textContent.trim() ?? 'Grafiek';
  const tabel = figuur.querySelector('.grafiek__tabel table');
  if (!tabel) return `Grafiek: ${titel}.`;
  const kolommen = [...tabel.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  const rijen = [...tabel.querySelectorAll('tbody tr')].map((tr) => {
    const kop = tr.querySelector('th')?.textContent.trim() ?? '';
    const cellen = [...tr.querySelectorAll('td')].map((td, i) => `${kolommen[i + 1] ?? ''} ${td.textContent.trim()}`.trim());
    return `${kop}: ${cellen.join(', ')}.`;
  });
  const aantal = rijen.length === 1 ? '1 rij' : `${rijen.length} rijen`;
  return `Grafiek: ${titel}. De tabel eronder heeft ${aantal}. ${rijen.join(' ')}`;
}

function bewaar(blob, naam) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** SVG as ECharts renders it; PNG by drawing that SVG on a canvas at twice the size, on white. */
function opslaanKnoppen(figuur, chart, id) {
  const plek = figuur.querySelector('.grafiek__downloads');
  if (!plek) return;
  // the saved image carries its title above and its source and date below, as a figure in a report does
  const svgTekst = () => {
    const breedte = chart.getWidth();
    const hoogte = chart.getHeight();
    const titel = figuur.querySelector('.grafiek__titel')?.textContent.trim() ?? '';
    const bron = `Bron: ${figuur.dataset.bron || 'VT Monitor'} · ${new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })}`;
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // wrap the title at about 7,5 px per character of 14 px text
    const regels = [];
    for (const woord of titel.split(' ')) {
      const laatste = regels.at(-1);
      if (laatste !== undefined && (laatste + ' ' + woord).length * 7.5 < breedte - 16) regels[regels.length - 1] = `${laatste} ${woord}`;
      else regels.push(woord);
    }
    const kop = regels.length * 18 + 12;
    const tekst = regels
      .map((r, i) => `<text x="8" y="${20 + i * 18}" font-family="sans-serif" font-size="14" font-weight="bold" fill="#1a1a1a">${esc(r)}</text>`)
      .join('');
    const binnen = chart.renderToSVGString().replace('<svg ', `<svg x="0" y="${kop}" `);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${breedte}" height="${hoogte + kop + 28}" viewBox="0 0 ${breedte} ${hoogte + kop + 28}">` +
      `<title>${esc(titel)}</title><rect width="100%" height="100%" fill="#ffffff"/>${tekst}${binnen}` +
      `<text x="8" y="${hoogte + kop + 18}" font-family="sans-serif" font-size="11" fill="#4b4b4b">${esc(bron)}</text></svg>`
    );
  };
  const knop = (label, actie) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'grafiek__opslaan utrecht-button utrecht-button--subtle';
    b.textContent = label;
    b.addEventListener('click', actie);
    return b;
  };
  const svg = knop('SVG', () => bewaar(new Blob([svgTekst()], { type: 'image/svg+xml' }), `${id}.svg`));
  const png = knop('PNG', () => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const c = canvas.getContext('2d');
      c.fillStyle = '#ffffff';
      c.fillRect(0, 0, canvas.width, canvas.height);
      c.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => bewaar(blob, `${id}.png`), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgTekst())}`;
  });
  const tekst = document.createElement('span');
  tekst.className = 'grafiek__opslaan-label';
  tekst.textContent = ' · Bewaar de grafiek als ';
  plek.append(tekst, svg, ' ', png);
}

for (const figuur of document.querySelectorAll('[data-grafiek]')) {
  const id = figuur.dataset.grafiek;
  const data = JSON.parse(document.getElementById(`${id}-data`).textContent);
  const chart = echarts.init(figuur.querySelector('.grafiek__canvas'), null, { renderer: 'svg', locale: 'NL' });
  // a map chart brings its region's boundaries (server/charts/kaart.ts)
  if (data.kaart) echarts.registerMap(data.kaart.naam, data.kaart.geojson);
  const option = pasFormaatToe(data.option, data.formaat);
  const tekst = data.beschrijving
    ? `Grafiek: ${figuur.querySelector('.grafiek__titel')?.textContent.trim() ?? ''}. ${data.beschrijving}`
    : beschrijving(figuur);
  option.aria = { ...(option.aria ?? {}), enabled: true, label: { enabled: true, description: tekst } };
  chart.setOption(option);
  if (data.links) {
    // a bar or an axis label of a gemeente leads to that gemeente's page
    chart.on('click', (p) => {
      const naam = p.componentType === 'series' ? p.name : p.value;
      if (data.links[naam]) window.location.href = data.links[naam];
    });
    figuur.classList.add('grafiek--klikbaar');
  }
  opslaanKnoppen(figuur, chart, id);
  figuur.dataset.gerenderd = 'ja';
  new ResizeObserver(() => chart.resize()).observe(figuur);
}
