// Test oracle for tests/test_check_dates.py: shows instants as a page would, with Node's Intl (ICU).
// Input (stdin): {"cases": [{"id": "...", "locale": "fa-u-ca-gregory", "options": {...},
//                 "instant": "2024-03-05T23:30:00Z", "timeZone": "Pacific/Kiritimati"}]}
// Output (stdout): {"versions": {"node", "icu", "cldr"}, "results": {"<id>": "..."}}
'use strict';

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = {};
  for (const c of request.cases) {
    results[c.id] = new Intl.DateTimeFormat(c.locale, {...c.options, timeZone: c.timeZone})
      .format(new Date(c.instant));
  }
  const versions = {
    node: process.versions.node,
    icu: process.versions.icu,
    cldr: process.versions.cldr,
  };
  process.stdout.write(JSON.stringify({versions, results}));
});
