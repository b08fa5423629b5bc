// Test oracle for tests/test_dates.py: formats the requested cases with Node's Intl (ICU).
// Input (stdin): {"cases": [{"id": "...", "type": "date" | "number", "locale": "fa-u-ca-gregory",
//                 "options": {...}, "value": "2010-05-18" | 7}]}
// Output (stdout): {"versions": {"node", "icu", "cldr", "unicode"}, "results": {"<id>": "..."}}
// Dates are formatted at 12:00 UTC with timeZone UTC, so no zone can move the day.
'use strict';

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = {};
  for (const c of request.cases) {
    if (c.type === 'date') {
      const [y, m, d] = c.value.split('-').map(Number);
      const instant = new Date(Date.UTC(y, m - 1, d, 12));
      results[c.id] = new Intl.DateTimeFormat(c.locale, {...c.options, timeZone: 'UTC'})
        .format(instant);
    } else if (c.type === 'number') {
      results[c.id] = new Intl.NumberFormat(c.locale, c.options).format(c.value);
    } else {
      throw new Error(`unknown case type ${c.type}`);
    }
  }
  const versions = {
    node: process.versions.node,
    icu: process.versions.icu,
    cldr: process.versions.cldr,
    unicode: process.versions.unicode,
  };
  process.stdout.write(JSON.stringify({versions, results}));
});
