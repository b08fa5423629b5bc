// Run Mozilla Readability over pages for bench/reading.py (a benchmark, never a dependency).
//
// Usage: node bench/readability.mjs MODULES_DIR INPUT.jsonl
// MODULES_DIR holds node_modules with @mozilla/readability and jsdom (reading.py installs them
// there with `npm install --prefix`). INPUT.jsonl has one {"id", "url", "html"} a line, the
// page already decoded to text, so every reader scores the same characters. Prints one JSON
// object a line: the id, Readability's metadata and textContent, or the error.

import { createInterface } from "node:readline";
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, input] = process.argv.slice(2);
const require = createRequire(join(modules, "package.json"));
const { Readability } = require("@mozilla/readability");
const { JSDOM, VirtualConsole } = require("jsdom");

const quiet = new VirtualConsole(); // pages' CSS and script errors are not ours to print

for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const { id, url, html } = JSON.parse(line);
  let out;
  try {
    const started = process.hrtime.bigint();
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    dom.window.close();
    out = article
      ? {
          id, seconds,
          title: article.title, byline: article.byline, siteName: article.siteName,
          lang: article.lang, dir: article.dir, publishedTime: article.publishedTime,
          excerpt: article.excerpt, textContent: article.textContent,
        }
      : { id, seconds, textContent: "" };
  } catch (error) {
    out = { id, error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
