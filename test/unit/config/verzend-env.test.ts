import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leesEnv } from '../../../server/config/env.js';
import { logoVan } from '../../../server/rapportage/omslag.js';
import type { Regio } from '../../../server/config/regio.js';

describe('delivery configuration (zod)', () => {
  it('accepts smtp:// and smtps:// with a sender, and is off by default', () => {
    expect(leesEnv({ SMTP_URL: 'smtp://u:p@mail.example.nl:587', MAIL_AFZENDER: 'Veilig Thuis <rapportages@vt.nl>' })).toMatchObject({ VERZEND_AUTOMATISCH: 'uit' });
    expect(leesEnv({ SMTP_URL: 'smtps://mail.example.nl', MAIL_AFZENDER: 'rapportages@vt.nl', VERZEND_AUTOMATISCH: 'aan' }).VERZEND_AUTOMATISCH).toBe('aan');
  });

  it('names the bad value in Dutch', () => {
    expect(() => leesEnv({ SMTP_URL: 'http://mail.example.nl' })).toThrow('SMTP_URL begint met smtp:// of smtps://');
    expect(() => leesEnv({ MAIL_AFZENDER: 'geen adres' })).toThrow('MAIL_AFZENDER moet een e-mailadres zijn');
    expect(() => leesEnv({ VERZEND_AUTOMATISCH: 'aan' })).toThrow('VERZEND_AUTOMATISCH=aan vraagt ook SMTP_URL en MAIL_AFZENDER');
    expect(() => leesEnv({ VERZEND_AUTOMATISCH: 'ja' })).toThrow('VERZEND_AUTOMATISCH');
  });
});

describe('the logo of the region file', () => {
  it('is inlined as a data: URL (the printing page loads nothing); an unknown type is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vt-logo-'));
    const png = join(dir, 'logo.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(logoVan({ logo: png } as Regio)).toBe(`data:image/png;base64,${Buffer.from('89504e470d0a1a0a', 'hex').toString('base64')}`);
    expect(logoVan({} as Regio)).toBeNull();
    writeFileSync(join(dir, 'logo.gif'), 'x');
    expect(() => logoVan({ logo: join(dir, 'logo.gif') } as Regio)).toThrow('Het logo in het regiobestand moet PNG, JPEG of SVG zijn');
  });
});
