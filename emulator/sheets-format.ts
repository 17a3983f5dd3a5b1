// Sheets number format codes (`#,##0.00`, `0%`, `"$"#,##0`, `yyyy-mm-dd`, `M/d/yyyy H:mm`):
// used for display values and for the TEXT function, whose engine version mishandles numbers.

/** Splits `pos;neg;zero;text` sections, ignoring `;` inside quotes or after a backslash. */
function sections(format: string): string[] {
  const parts = [''];
  for (const [piece] of format.matchAll(/"[^"]*"|\\.|[\s\S]/g)) {
    if (piece === ';') parts.push('');
    else parts[parts.length - 1] += piece;
  }
  return parts;
}

/** Whether a format shows dates or times (its first section has d, y, h, s or AM/PM codes). */
export function isDateCode(format: string): boolean {
  const bare = sections(format)[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return !/^general$/i.test(bare) && /[dyhs]|am\/pm/i.test(bare);
}

/** The text a number shows in a format (the value is a serial number for date formats). */
export function formatNumber(
  value: number,
  format: string,
  toDate: (serial: number) => Date,
): string {
  if (format === '' || /^general$/i.test(format)) return generalNumber(value);
  const [positive, negative, zero] = sections(format);
  if (value < 0 && negative !== undefined) return numberSection(-value, negative, false, toDate);
  if (value === 0 && zero !== undefined) return numberSection(0, zero, false, toDate);
  return numberSection(value, positive, true, toDate);
}

export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return value.toExponential(5).toUpperCase();
  return String(Number(value.toPrecision(15)));
}

/** Literal text of a format piece: quotes, escapes, padding and colours removed. */
function literal(piece: string): string {
  return piece
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\[\$([^-\]]*)[^\]]*\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, ' ')
    .replace(/\*./g, '')
    .replace(/\\(.)/g, '$1');
}

/** Quoted text, escapes, brackets, the digit pattern, or any other single character. */
const PIECE = /"[^"]*"|\\.|\[[^\]]*\]|[0#?][0#?,.]*(?:[eE][+-][0#]+)?|[\s\S]/g;

function numberSection(
  value: number,
  section: string,
  signed: boolean,
  toDate: (s: number) => Date,
): string {
  if (isDateCode(section)) return formatDate(toDate(value), section);
  const pieces = [...section.matchAll(PIECE)].map(([piece]) => piece);
  const at = pieces.findIndex((piece) => /^[0#?]/.test(piece));
  if (at < 0) return literal(section);
  const prefix = literal(pieces.slice(0, at).join(''));
  const suffix = literal(pieces.slice(at + 1).join(''));
  const pattern = pieces[at];
  const percents = (prefix + suffix).split('%').length - 1;
  const scaled = Math.abs(value) * 100 ** percents;
  const body = /[eE]/.test(pattern) ? scientific(scaled, pattern) : fixed(scaled, pattern);
  const sign = signed && value < 0 && /[1-9]/.test(body) ? '-' : '';
  return sign + prefix + body + suffix;
}

function fixed(value: number, pattern: string): string {
  const [intPattern, fracPattern = ''] = pattern.split('.');
  const scale = 1000 ** (/,+$/.exec(intPattern)?.[0].length ?? 0);
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const [int, frac = ''] = (value / scale).toFixed(maxFrac).split('.');
  const trimmed = frac.replace(/0+$/, '').padEnd(minFrac, '0');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  let whole = int === '0' && minInt === 0 ? '' : int.padStart(minInt, '0');
  if (/[0#?],[0#?]/.test(intPattern)) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return pattern.includes('.') ? `${whole}.${trimmed}` : whole;
}

function scientific(value: number, pattern: string): string {
  const [mantissa, exponent] = pattern.split(/[eE][+-]/);
  const decimals = (mantissa.split('.')[1] ?? '').length;
  const [m, e] = value.toExponential(decimals).split('e');
  const power = Number(e);
  const digits = String(Math.abs(power)).padStart(exponent.length, '0');
  return `${m}E${power < 0 ? '-' : '+'}${digits}`;
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const DATE_TOKEN =
  /"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|./gi;

/**
 * Date/time codes for a wall date (its UTC fields are what the cell shows); `m`/`mm` mean
 * minutes right after hours or right before seconds.
 */
export function formatDate(date: Date, section: string): string {
  const tokens = section.match(DATE_TOKEN) ?? [];
  const codes = tokens
    .map((t, i) => ({ t: t.toLowerCase(), i }))
    .filter(({ t }) => /^[ymdhs]/.test(t));
  const minutes = new Set<number>();
  codes.forEach(({ t, i }, k) => {
    if (!/^mm?$/.test(t)) return;
    const before = codes[k - 1]?.t ?? '';
    const after = codes[k + 1]?.t ?? '';
    if (before.startsWith('h') || after.startsWith('s')) minutes.add(i);
  });
  const twelve = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return tokens
    .map((token, i) => {
      const t = token.toLowerCase();
      if (minutes.has(i))
        return t === 'mm' ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
      const h = twelve ? hours % 12 || 12 : hours;
      const parts: Record<string, string> = {
        yyyy: String(date.getUTCFullYear()),
        yy: pad(date.getUTCFullYear() % 100),
        mmmmm: MONTHS[date.getUTCMonth()][0],
        mmmm: MONTHS[date.getUTCMonth()],
        mmm: MONTHS[date.getUTCMonth()].slice(0, 3),
        mm: pad(date.getUTCMonth() + 1),
        m: String(date.getUTCMonth() + 1),
        dddd: DAYS[date.getUTCDay()],
        ddd: DAYS[date.getUTCDay()].slice(0, 3),
        dd: pad(date.getUTCDate()),
        d: String(date.getUTCDate()),
        hh: pad(h),
        h: String(h),
        ss: pad(date.getUTCSeconds()),
        s: String(date.getUTCSeconds()),
        'am/pm': hours < 12 ? 'AM' : 'PM',
        'a/p': hours < 12 ? 'A' : 'P',
      };
      if (t in parts) return parts[t];
      if (/^\.0+$/.test(t))
        return `.${String(date.getUTCMilliseconds())
          .padStart(3, '0')
          .slice(0, t.length - 1)}`;
      return literal(token);
    })
    .join('');
}
