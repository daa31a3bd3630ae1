// Renders every chart on the page from its JSON data block (no inline scripts).
import { pasFormaatToe } from './grafiek-formaat.js';

const echarts = window.echarts;

for (const figuur of document.querySelectorAll('[data-grafiek]')) {
  const id = figuur.dataset.grafiek;
  const data = JSON.parse(document.getElementById(`${id}-data`).textContent);
  const chart = echarts.init(figuur.querySelector('.grafiek__canvas'), null, { renderer: 'svg', locale: 'EN' });
  chart.setOption(pasFormaatToe(data.option, data.formaat));
  if (data.links) {
    // a bar or an axis label of a gemeente leads to that gemeente's page
    chart.on('click', (p) => {
      const naam = p.componentType === 'series' ? p.name : p.value;
      if (data.links[naam]) window.location.href = data.links[naam];
    });
    figuur.classList.add('grafiek--klikbaar');
  }
  figuur.dataset.gerenderd = 'ja';
  new ResizeObserver(() => chart.resize()).observe(figuur);
}
