import { describe, expect, it } from 'vitest';
import { telKwartalenOp, eersteDag, kwartaalReeks, kwartaalVan, kwartaalVoluit, laatsteDag } from '../../../server/calendar/kwartaal.js';

describe('kwartaal', () => {
  it('31 March is Q1, 1 April is Q2', () => {
    expect(kwartaalVan('2019-03-31')).toBe('2019-Q1');
    expect(kwartaalVan('2019-04-01')).toBe('2019-Q2');
    expect(kwartaalVan('2019-12-31')).toBe('2019-Q4');
  });
  it('arithmetic across years', () => {
    expect(telKwartalenOp('2019-Q1', -1)).toBe('2018-Q4');
    expect(telKwartalenOp('2019-Q1', -4)).toBe('2018-Q1');
    expect(kwartaalReeks('2018-Q3', '2019-Q2')).toEqual(['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2']);
    expect([eersteDag('2019-Q2'), laatsteDag('2019-Q2')]).toEqual(['2019-04-01', '2019-06-30']);
    expect(kwartaalVoluit('2019-Q1')).toBe('eerste kwartaal van 2019');
  });
});
