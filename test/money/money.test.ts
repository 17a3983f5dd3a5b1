import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roi } from '../../src/metrics/returns';
import {
  addMoney,
  CurrencyMismatchError,
  convert,
  convertFormula,
  fullCost,
  fullCostFormula,
  grossMargin,
  leftOutFormula,
  leftOutNoteFormula,
  MISSING_RATE,
  marginFormula,
  money,
  pooledProfitRoiFormula,
  profitRoi,
  profitRoiFormula,
  RATES_TABLE,
  rateFormula,
  rateTable,
  sumMoney,
  totalPosts,
  valuePost,
} from '../../src/money/money';
import { ratesFromValues } from '../../src/tracker/rates-sheet';
import { type Cell, workbook } from '../creators/engine';
import {
  AUTUMN,
  EUR,
  GBP,
  janeSummer,
  miaAutumn,
  noraSummer,
  RATES,
  SPRING,
  SUMMER,
  withCurrency,
} from '../creators/fixtures';
import { dayIn, midnightIn, ZONES } from '../harness/zones';

describe('full cost and profit ROI', () => {
  it('full cost adds fee, product, shipping, discount, commission on sales and agency fees', () => {
    expect(
      fullCost({
        fee: 300,
        product: 40,
        shipping: 10,
        discount: 125,
        commissionRate: 0.1,
        attributedSales: 1250,
        agencyFees: 60,
      }),
    ).toBeCloseTo(300 + 40 + 10 + 125 + 0.1 * 1250 + 60, 10);
  });

  it('a missing part counts nothing; a refund claws the commission back', () => {
    expect(fullCost({ fee: 160 })).toBe(160);
    expect(fullCost({ fee: 160, commissionRate: 0.05, attributedSales: -40 })).toBe(160 - 2);
  });

  it('profit ROI sits beside ROI and never replaces it', () => {
    // The brief's worked example: $500 spent, $2,000 sold, at a 40% gross margin.
    expect(roi(2000, 500)).toBe(3);
    expect(profitRoi(2000, 500, 0.4)).toBeCloseTo((2000 * 0.4 - 500) / 500, 12);
  });

  it("a row's margin overrides the campaign's; with neither there is none", () => {
    expect(grossMargin(0.5, 0.6)).toBe(0.5);
    expect(grossMargin(undefined, 0.6)).toBe(0.6);
    expect(grossMargin(undefined, undefined)).toBeUndefined();
    expect(grossMargin(0, 0.6)).toBe(0);
  });
});

describe('the rate table', () => {
  it('takes the first row of a currency, any case, and says what it ignored', () => {
    const table = rateTable('usd', [
      { currency: 'eur', rate: 1.08, date: '2025-09-01', row: 2 },
      { currency: 'EUR', rate: 1.1, date: '2025-10-01', row: 3 },
      { currency: 'USD', rate: 0.9, date: '', row: 4 },
      { currency: 'CAD', rate: Number.NaN, date: '', row: 5 },
      { currency: 'JPY', rate: -1, date: '', row: 6 },
    ]);
    expect(table.reporting).toBe('USD');
    expect(table.rates.get('EUR')?.rate).toBe(1.08);
    expect([...table.rates.keys()]).toEqual(['EUR']);
    expect(table.problems.map((p) => p.words)).toEqual([
      'EUR is listed again (row 3): the first rate (row 2) is used',
      'USD is the reporting currency: its rate is always 1 (row 4)',
      'CAD has no usable rate (row 5): a rate is a number above 0',
      'JPY has no usable rate (row 6): a rate is a number above 0',
    ]);
  });

  it.each(ZONES)('reads the Rates sheet (dates on a %s calendar), blank rows skipped', (zone) => {
    const rows = ratesFromValues(
      [
        ['EUR', 1.08, midnightIn('2025-09-01', zone)],
        ['', '', ''],
        ['GBP', ' 1.25 ', '2025-09-01'],
        ['CAD', 'about 0.7', ''],
      ],
      dayIn(zone),
    );
    expect(rows).toEqual([
      { currency: 'EUR', rate: 1.08, date: '2025-09-01', row: 2 },
      { currency: 'GBP', rate: 1.25, date: '2025-09-01', row: 4 },
      { currency: 'CAD', rate: Number.NaN, date: '', row: 5 },
    ]);
  });
});

describe('converting', () => {
  it('converts to the reporting currency at the table rate', () => {
    const result = convert(money(250, 'eur'), RATES);
    expect(result.ok && result.money).toEqual({ amount: 250 * EUR, currency: 'USD' });
  });

  it('converts between two other currencies through the reporting one', () => {
    const result = convert(money(100, 'GBP'), RATES, 'EUR');
    expect(result.ok && result.money.currency).toBe('EUR');
    expect(result.ok && result.money.amount).toBeCloseTo((100 * GBP) / EUR, 10);
  });

  it('names the currency without a rate instead of guessing', () => {
    expect(convert(money(180, 'CAD'), RATES)).toEqual({ ok: false, missing: 'CAD' });
    expect(convert(money(10, 'USD'), RATES, 'CHF')).toEqual({ ok: false, missing: 'CHF' });
  });

  it('two currencies are never added: addMoney refuses them', () => {
    expect(() => addMoney(money(100, 'USD'), money(100, 'EUR'))).toThrow(CurrencyMismatchError);
    expect(addMoney(money(100, 'usd'), money(50, 'USD'))).toEqual({ amount: 150, currency: 'USD' });
  });

  it('a sum converts each amount and counts what it had to leave out', () => {
    const sum = sumMoney([money(100, 'USD'), money(100, 'EUR'), money(50, 'CAD')], RATES);
    expect(sum.total.currency).toBe('USD');
    expect(sum.total.amount).toBeCloseTo(100 + 100 * EUR, 10);
    expect([sum.included, sum.leftOut, sum.missing]).toEqual([2, 1, ['CAD']]);
  });

  it('any mix of currencies sums to the converted amounts, never to the raw ones', () => {
    const rateOf: Record<string, number | undefined> = { USD: 1, EUR, GBP, CAD: undefined };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: -100_000, max: 100_000 }).map((cents) => cents / 100),
            currency: fc.constantFrom('USD', 'EUR', 'GBP', 'CAD'),
          }),
          { maxLength: 30 },
        ),
        (items) => {
          const sum = sumMoney(
            items.map((item) => money(item.amount, item.currency)),
            RATES,
          );
          const convertible = items.filter((item) => rateOf[item.currency] !== undefined);
          const expected = convertible.reduce(
            (total, item) => total + item.amount * (rateOf[item.currency] as number),
            0,
          );
          expect(sum.total.amount).toBeCloseTo(expected, 6);
          expect(sum.leftOut).toBe(items.length - convertible.length);
        },
      ),
    );
  });
});

describe('a tracker row in two currencies', () => {
  it('paid in euros, sold in dollars: each side at its own rate', () => {
    const valued = valuePost({ ...janeSummer, currency: 'EUR' }, RATES);
    expect(valued.ok).toBe(true);
    if (!valued.ok) return;
    // Paid side (fee + agency fees) in EUR, given-up side (discount + 10% commission) in USD.
    expect(valued.value.fullCost).toBeCloseTo((320 + 50) * EUR + (98 + 0.1 * 980), 2);
    expect(valued.value.fee).toBeCloseTo(320 * EUR, 2);
    expect(valued.value.revenue).toBeCloseTo(980, 2);
    expect(valued.value.commission).toBeCloseTo(0.1 * 980, 2);
  });

  it('paid in pounds, sold in euros', () => {
    const valued = valuePost(miaAutumn as Parameters<typeof valuePost>[0], RATES);
    expect(valued.ok && valued.value.fullCost).toBeCloseTo(200 * GBP, 2);
    expect(valued.ok && valued.value.revenue).toBeCloseTo(700 * EUR, 2);
  });

  it('a currency without a rate leaves the whole row out, with the currency named', () => {
    expect(valuePost(noraSummer as Parameters<typeof valuePost>[0], RATES)).toEqual({
      ok: false,
      missing: ['CAD'],
    });
  });
});

describe('campaign totals in the reporting currency', () => {
  it('spring: dollars and a euro row, margin 60%', () => {
    const totals = totalPosts(withCurrency(SPRING), RATES, SPRING.grossMargin);
    const cost = 300 + 40 + 10 + 125 + 0.1 * 1250 + (150 + 25 + 42) + 200 + 250 * EUR;
    const revenue = 1250 + 420 + 3400 + 600 * EUR;
    expect(totals.currency).toBe('USD');
    expect(totals.fullCost).toBeCloseTo(cost, 2);
    expect(totals.revenue).toBeCloseTo(revenue, 2);
    expect(totals.fee).toBeCloseTo(300 + 150 + 200 + 250 * EUR, 2);
    expect(totals.roi).toBeCloseTo((revenue - cost) / cost, 6);
    expect(totals.profitRoi).toBeCloseTo((revenue * 0.6 - cost) / cost, 6);
    expect([totals.included, totals.leftOut, totals.note]).toEqual([4, 0, '']);
  });

  it('summer: the Canadian-dollar row is left out and the total says so', () => {
    const totals = totalPosts(withCurrency(SUMMER), RATES, SUMMER.grossMargin);
    const jane = (320 + 50) * EUR + (98 + 0.1 * 980);
    const tom = 140 * EUR;
    const kofi = (400 + 30) * GBP;
    expect(totals.fullCost).toBeCloseTo(jane + tom + kofi, 2);
    expect(totals.revenue).toBeCloseTo(980 + 510 * EUR + 1150 * GBP, 2);
    // Jane's row has its own 50% margin; the others take the campaign's 55%.
    const marginRevenue = 980 * 0.5 + 510 * EUR * 0.55 + 1150 * GBP * 0.55;
    expect(totals.profitRoi).toBeCloseTo(
      (marginRevenue - (jane + tom + kofi)) / (jane + tom + kofi),
      6,
    );
    expect([totals.included, totals.leftOut, totals.missing]).toEqual([3, 1, ['CAD']]);
    expect(totals.note).toBe('1 row left out: no rate for CAD');
  });

  it('autumn: a refund-only row lowers revenue; profit ROI covers the rows with a margin', () => {
    const totals = totalPosts(withCurrency(AUTUMN), RATES, AUTUMN.grossMargin);
    const cost = 350 + 420 * GBP + (160 + 0.05 * -40) + 200 * GBP;
    expect(totals.fullCost).toBeCloseTo(cost, 2);
    expect(totals.revenue).toBeCloseTo(1400 + 1300 * GBP - 40 + 700 * EUR, 2);
    expect(totals.commission).toBeCloseTo(0.05 * -40, 2);
    // No campaign margin: only Kofi's row (45%) has one.
    expect(totals.profitRoi).toBeCloseTo((1300 * GBP * 0.45 - 420 * GBP) / (420 * GBP), 6);
  });
});

describe('native formulas', () => {
  const table = "'Rates'!$A$2:$B$20";

  it('look rates up in the Rates sheet by default', () => {
    expect(RATES_TABLE).toBe("'Rates'!$A$2:$B");
    expect(rateFormula('A8', 'Settings!B3')).toBe(
      `IF(UPPER(TRIM(A8))=UPPER(TRIM(Settings!B3)), 1, IFERROR(IF(VLOOKUP(TRIM(A8), 'Rates'!$A$2:$B, 2, FALSE)*1>0, VLOOKUP(TRIM(A8), 'Rates'!$A$2:$B, 2, FALSE)*1, "No rate"), "No rate"))`,
    );
    expect(convertFormula('I8', 'L8', ['K8'])).toBe(
      'IF(ISNUMBER(L8)*ISNUMBER(K8), I8*L8, "No rate")',
    );
    expect(leftOutFormula('M8:M')).toBe('COUNTIF(M8:M, "No rate")');
  });

  it('a rate cell shows the table rate, 1 for the reporting currency, "No rate" otherwise', () => {
    const currencies = ['USD', 'eur', ' GBP ', 'CAD', 'CHF', 'JPY', 'MXN'];
    const book = workbook({
      Rates: [
        ['Currency', 'Rate to reporting currency', 'Date'],
        ['EUR', EUR, '2025-09-01'],
        ['gbp', GBP, '2025-09-01'],
        ['CAD', null, null],
        ['JPY', -1, null],
        ['MXN', 'soon', null],
        ['EUR', 2, '2025-10-01'],
      ],
      Rows: currencies.map((currency, i) => [
        currency,
        `=${rateFormula(`A${i + 1}`, '"USD"', table)}`,
        i === 0 ? `=ARRAYFORMULA(${rateFormula('A1:A7', '"USD"', table)})` : null,
      ]),
    });
    const single = currencies.map((_, i) => book.value(`Rows!B${i + 1}`));
    const column = currencies.map((_, i) => book.value(`Rows!C${i + 1}`));
    expect(single).toEqual([1, EUR, GBP, MISSING_RATE, MISSING_RATE, MISSING_RATE, MISSING_RATE]);
    expect(column).toEqual(single);
    // The pure table agrees on every currency.
    const pure = rateTable(
      'USD',
      ratesFromValues(
        [
          ['EUR', EUR, '2025-09-01'],
          ['gbp', GBP, '2025-09-01'],
          ['CAD', '', ''],
          ['JPY', -1, ''],
          ['MXN', 'soon', ''],
          ['EUR', 2, '2025-10-01'],
        ],
        dayIn('UTC'),
      ),
    );
    const pureRates = currencies.map((c) => {
      const converted = convert(money(1, c), pure);
      return converted.ok ? converted.money.amount : MISSING_RATE;
    });
    expect(pureRates).toEqual(single);
  });

  it('the summer tracker computed by formulas matches the pure totals to the cent', () => {
    const rows = withCurrency(SUMMER);
    const header = [
      'Currency',
      'Sales currency',
      'Fee',
      'Product',
      'Shipping',
      'Agency fees',
      'Discount',
      'Commission rate',
      'Revenue',
      'Margin',
      'Rate',
      'Sales rate',
      'Full cost',
      'Revenue (USD)',
      'Margin used',
      'Profit ROI',
    ];
    const sheet: Cell[][] = [header];
    rows.forEach((row, i) => {
      const r = i + 2;
      sheet.push([
        row.currency,
        row.salesCurrency ?? null,
        row.fee ?? null,
        row.product ?? null,
        row.shipping ?? null,
        row.agencyFees ?? null,
        row.discount ?? null,
        row.commissionRate ?? null,
        row.revenue ?? null,
        row.grossMargin ?? null,
        `=${rateFormula(`A${r}`, '$S$1', table)}`,
        `=${rateFormula(`IF(B${r}="", A${r}, B${r})`, '$S$1', table)}`,
        `=${fullCostFormula(
          {
            fee: `C${r}`,
            product: `D${r}`,
            shipping: `E${r}`,
            agencyFees: `F${r}`,
            discount: `G${r}`,
            commissionRate: `H${r}`,
            revenue: `I${r}`,
          },
          { paid: `K${r}`, sales: `L${r}` },
        )}`,
        `=${convertFormula(`I${r}`, `L${r}`, [`K${r}`])}`,
        `=${marginFormula(`J${r}`, '$S$2')}`,
        `=${profitRoiFormula(`N${r}`, `M${r}`, `O${r}`)}`,
      ]);
    });
    sheet[0].push(null, null, 'USD');
    sheet[1].push(null, null, SUMMER.grossMargin ?? null);
    sheet.push(
      [],
      [
        `=SUM(M2:M${rows.length + 1})`,
        `=SUM(N2:N${rows.length + 1})`,
        `=${leftOutFormula(`M2:M${rows.length + 1}`)}`,
        `=${leftOutNoteFormula(`M2:M${rows.length + 1}`)}`,
        `=${pooledProfitRoiFormula(`P2:P${rows.length + 1}`, `M2:M${rows.length + 1}`)}`,
      ],
    );
    const book = workbook({
      Rates: [
        ['Currency', 'Rate', 'Date'],
        ['EUR', EUR, '2025-09-01'],
        ['GBP', GBP, '2025-09-01'],
        ['CAD', null, null],
      ],
      Rows: sheet,
    });
    rows.forEach((row, i) => {
      const valued = valuePost(row, RATES);
      const r = i + 2;
      if (valued.ok) {
        expect(book.value(`Rows!M${r}`)).toBeCloseTo(valued.value.fullCost, 2);
        expect(book.value(`Rows!N${r}`)).toBeCloseTo(valued.value.revenue, 2);
      } else {
        expect([book.value(`Rows!M${r}`), book.value(`Rows!N${r}`)]).toEqual([
          MISSING_RATE,
          MISSING_RATE,
        ]);
        expect(book.value(`Rows!P${r}`)).toBe(MISSING_RATE);
      }
    });
    const totals = totalPosts(rows, RATES, SUMMER.grossMargin);
    const last = rows.length + 3;
    expect(book.value(`Rows!A${last}`)).toBeCloseTo(totals.fullCost, 2);
    expect(book.value(`Rows!B${last}`)).toBeCloseTo(totals.revenue, 2);
    expect(book.value(`Rows!C${last}`)).toBe(1);
    expect(book.value(`Rows!D${last}`)).toBe('1 row left out: no rate');
    expect(book.value(`Rows!E${last}`)).toBeCloseTo(totals.profitRoi as number, 6);
  });

  it('full cost in one currency is a plain sum', () => {
    expect(
      fullCostFormula({
        fee: 'H8',
        product: 'I8',
        agencyFees: 'J8',
        discount: 'K8',
        commissionRate: 'L8',
        revenue: 'S8',
      }),
    ).toBe('H8+I8+J8+K8+L8*S8');
  });

  it('profit ROI is blank without a margin and propagates "No rate"', () => {
    const book = workbook({
      Rows: [
        [1000, 500, null, `=${profitRoiFormula('A1', 'B1', marginFormula('C1', 'E1'))}`],
        [1000, 500, 0.4, `=${profitRoiFormula('A2', 'B2', marginFormula('C2', 'E2'))}`],
        [MISSING_RATE, MISSING_RATE, 0.4, `=${profitRoiFormula('A3', 'B3', 'C3')}`],
        [1000, 0, 0.4, `=${profitRoiFormula('A4', 'B4', 'C4')}`],
      ],
    });
    expect(book.value('Rows!D1')).toBe('');
    expect(book.value('Rows!D2')).toBeCloseTo((1000 * 0.4 - 500) / 500, 10);
    expect(book.value('Rows!D3')).toBe(MISSING_RATE);
    expect(book.value('Rows!D4')).toBe('');
  });
});
