import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leesEnv, metOrganisatie } from '../../../server/config/env.js';
import { projectPath } from '../../../server/config/paths.js';
import { logoVan } from '../../../server/rapportage/omslag.js';
import type { Regio } from '../../../server/config/regio.js';

describe('delivery configuration (zod)', () => {
  it('accepts smtp:// and smtps:// with a sender, and is off by default', () => {
    expect(leesEnv({ SMTP_URL: 'smtp://u:p@mail.example.nl:587', MAIL_AFZENDER: 'Veilig Thuis <rapportages@vt.nl>' })).toMatchObject({
      VERZEND_AUTOMATISCH: 'uit',
    });
    expect(leesEnv({ SMTP_URL: 'smtps://mail.example.nl', MAIL_AFZENDER: 'rapportages@vt.nl', VERZEND_AUTOMATISCH: 'aan' }).VERZEND_AUTOMATISCH).toBe('aan');
  });

  it('names the bad value in Dutch', () => {
    expect(() => leesEnv({ SMTP_URL: 'http://mail.example.nl' })).toThrow('SMTP_URL begint met smtp:// of smtps://');
    expect(() => leesEnv({ MAIL_AFZENDER: 'geen adres' })).toThrow('MAIL_AFZENDER moet een e-mailadres zijn');
    expect(() => leesEnv({ VERZEND_AUTOMATISCH: 'aan' })).toThrow('VERZEND_AUTOMATISCH=aan vraagt ook SMTP_URL en MAIL_AFZENDER');
    expect(() => leesEnv({ VERZEND_AUTOMATISCH: 'ja' })).toThrow('VERZEND_AUTOMATISCH');
  });
});

describe('the organisation on the cover: name and logo from configuration', () => {
  it('is inlined as a data: URL (the printing page loads nothing); an unknown type is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vt-logo-'));
    const png = join(dir, 'logo.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(logoVan({ logo: png } as Regio)).toBe(`data:image/png;base64,${Buffer.from('89504e470d0a1a0a', 'hex').toString('base64')}`);
    // without one: the logo shipped in reports/logo.svg, never an external asset
    expect(logoVan({} as Regio)).toBe(`data:image/svg+xml;base64,${readFileSync(projectPath('reports', 'logo.svg')).toString('base64')}`);
    writeFileSync(join(dir, 'logo.gif'), 'x');
    expect(() => logoVan({ logo: join(dir, 'logo.gif') } as Regio)).toThrow('Het logo van de organisatie moet PNG, JPEG of SVG zijn');
  });

  it('ORGANISATIE_NAAM and ORGANISATIE_LOGO override the region file; without them it stands', () => {
    const regio = { naam: 'Gelderland-Zuid', organisatie: 'Veilig Thuis Gelderland-Zuid', logo: 'x.png' } as Regio;
    expect(metOrganisatie(regio, leesEnv({}))).toMatchObject({ organisatie: 'Veilig Thuis Gelderland-Zuid', logo: 'x.png' });
    expect(metOrganisatie(regio, leesEnv({ ORGANISATIE_NAAM: ' GGD Gelderland-Zuid ', ORGANISATIE_LOGO: '/etc/vt/logo.svg' }))).toMatchObject({
      organisatie: 'GGD Gelderland-Zuid',
      logo: '/etc/vt/logo.svg',
    });
    expect(() => leesEnv({ ORGANISATIE_LOGO: 'logo.gif' })).toThrow('ORGANISATIE_LOGO moet een PNG-, JPEG- of SVG-bestand zijn');
  });
});
