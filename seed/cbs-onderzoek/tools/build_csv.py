#!/usr/bin/env python3
"""Bouwt cijfers.csv uit de woordelijk overgenomen excerpts in ../raw/*.txt.
Elke regel in raw = letterlijk een regel uit de opgeslagen StatLine-pagina (zoals de search-tool die teruggaf)."""
import re, glob, os, csv, io
RAW = os.path.join(os.path.dirname(__file__), '..', 'raw')
OUT = os.path.join(os.path.dirname(__file__), '..', 'cijfers.csv')
PV = {'Groningen (PV)':'PV20','Fryslân (PV)':'PV21','Drenthe (PV)':'PV22','Overijssel (PV)':'PV23','Flevoland (PV)':'PV24',
      'Gelderland (PV)':'PV25','Utrecht (PV)':'PV26','Noord-Holland (PV)':'PV27','Zuid-Holland (PV)':'PV28','Zeeland (PV)':'PV29',
      'Noord-Brabant (PV)':'PV30','Limburg (PV)':'PV31','Noord-Nederland (LD)':'LD01','Oost-Nederland (LD)':'LD02',
      'West-Nederland (LD)':'LD03','Zuid-Nederland (LD)':'LD04','Nederland':'NL01'}
VT = {'Amsterdam-Amstelland (VT)':'VT01','Drenthe (VT)':'VT02','Flevoland (VT)':'VT03','Friesland (VT)':'VT04',
      'Gelderland-Midden (VT)':'VT05','Gelderland-Zuid (VT)':'VT06','Gooi en Vechtstreek (VT)':'VT07','Groningen (VT)':'VT08',
      'Haaglanden (VT)':'VT09','Noord- en Oost-Gelderland (VT)':'VT14','Brabant Noordoost (VT)':'VT16'}
GM = {'Amsterdam':'GM0363','Arnhem':'GM0202','Assen':'GM0106'}
PER = re.compile(r'(?:(1e|2e) halfjaar )?(20\d\d)(\*?)')
VAL = r'(?:\.|-?[\d.]+(?:,\d+)?)'
rows = []
for f in sorted(glob.glob(os.path.join(RAW, '8*.txt'))):
    meta = {}; lines = []
    for ln in open(f, encoding='utf-8'):
        ln = ln.rstrip('\n')
        if ln.startswith('#'):
            k, _, v = ln[1:].partition('='); meta[k] = v
        elif ln.strip():
            lines.append(ln)
    cats = [c for c in meta.get('cats','').split('|') if c]
    ndims = len([d for d in meta.get('dims','').split('|') if d])
    measures = meta['measures'].split('|')
    n = len(measures)
    for ln in lines:
        # waarden achteraan
        m = re.match(r'^(.*?)((?: ' + VAL + r'){' + str(n) + r'})$', ln)
        assert m, (f, ln)
        head, vals = m.group(1), m.group(2).split()
        # periode zoeken
        pm = None
        for pm_ in PER.finditer(head):
            pm = pm_
        # periode kan midden in staan (84849NED/84853NED: dims Perioden Regio)
        cands = list(re.finditer(r'(?:(?:1e|2e) halfjaar )?20\d\d\*?', head))
        pm = cands[-1] if head.strip().endswith(cands[-1].group(0)) else cands[0]
        plabel = pm.group(0)
        before, after = head[:pm.start()].strip(), head[pm.end():].strip()
        hj = re.match(r'(1e|2e) halfjaar (20\d\d)', plabel)
        year = re.search(r'20\d\d', plabel).group(0)
        pcode = f"{year}HJ0{1 if hj.group(1)=='1e' else 2}" if hj else f"{year}JJ00"
        voorl = plabel.endswith('*')
        # dims + regio
        rest = before if after == '' else before  # dims staan altijd voor de periode
        regio = after if after else None
        dimvals = []
        s = rest
        for _ in range(ndims):
            for c in sorted(cats, key=len, reverse=True):
                if s == c or s.startswith(c + ' '):
                    dimvals.append(c); s = s[len(c):].strip(); break
            else:
                raise SystemExit(f'dim niet herkend: {f}: {ln!r}')
        if regio is None:
            regio = s
        else:
            assert s == '', (f, ln, s)
        rcode = PV.get(regio) or VT.get(regio) or GM.get(regio) or ''
        for meas, v in zip(measures, vals):
            maat = ' | '.join(dimvals + [meas])
            opm = [f"periode op pagina: '{plabel}'"]
            if voorl: opm.append('* = voorlopig cijfer (periode)')
            if v == '.': opm.append('. = geheim/onbekend')
            if rcode.startswith('VT'): opm.append('regio_code uit CBS gebiedsindeling veiligthuisregio 2020/2022 (cartomap/nl), niet van de StatLine-pagina')
            elif rcode.startswith(('PV','LD','NL')): opm.append('regio_code uit CBS 70072ned-pagina')
            elif rcode.startswith('GM'): opm.append('regio_code uit CBS 84721NED/70072ned-pagina')
            rows.append([meta['tabel'], meta['titel'], pcode, rcode, regio, maat, v, meta['url'],
                         f"CBS StatLine {meta['tabel']} (opgeslagen pagina)", '; '.join(opm)])
# extra bronnen (handmatig, woordelijk)
extra = os.path.join(RAW, 'extra_rows.csv')
buf = io.StringIO()
w = csv.writer(buf, delimiter=';', lineterminator='\n')
w.writerow(['tabel','tabel_titel','periode','regio_code','regio_naam','maat','waarde','bron_url','bron_titel','opmerking'])
for r in rows: w.writerow(r)
if os.path.exists(extra):
    for ln in open(extra, encoding='utf-8'):
        if ln.strip() and not ln.startswith('#'):
            buf.write(ln if ln.endswith('\n') else ln + '\n')
open(OUT, 'w', encoding='utf-8').write(buf.getvalue())
print(len(rows), 'rijen uit StatLine-excerpts')
