// Run Mozilla Readability over pages for bench/reading.py (a benchmark, never a dependency).
//
// Usage: node bench/readability.mjs MODULES_DIR INPUT.jsonl
// MODULES_DIR holds node_modules with @mozilla/readability and jsdom (reading.py installs them
// there with `npm install --prefix`). INPUT.jsonl has one {"id", "url", "html"} a line, the
// page already decoded to text, so every reader scores the same characters. Prints one JSON
// object a line: the id, Readability's metadata, textContent and blockText (the same text with
// a line break around each block element), or the error.

import { createInterface } from "node:readline";
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, input] = process.argv.slice(2);
const require = createRequire(join(modules, "package.json"));
const { Readability } = require("@mozilla/readability");
const { JSDOM, VirtualConsole } = require("jsdom");

const quiet = new VirtualConsole(); // pages' CSS and script errors are not ours to print

// Elements a browser lays out as blocks (and <br>): their text never runs into the next
// block's, as textContent runs "Step 1" into "Measure" when no space stands between them.
const BREAKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD",
  "TH", "TR", "UL",
]);

// The text of an article's HTML with a line break around each block: as a reader sees it.
function blockText(html) {
  const dom = new JSDOM(`<!DOCTYPE html><body>${html}</body>`);
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.data);
      else if (child.nodeType === 1) {
        const block = BREAKS.has(child.tagName);
        if (block) parts.push("\n");
        walk(child);
        if (block) parts.push("\n");
      }
    }
  };
  walk(dom.window.document.body);
  dom.window.close();
  return parts.join("");
}

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
          blockText: blockText(article.content || ""),
        }
      : { id, seconds, textContent: "" };
  } catch (error) {
    out = { id, error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
