// l10n preview: the overlay, the tooltips, the locale switcher and the index's leak counts.
// Every text shown comes from data attributes or JSON and is set with textContent only:
// nothing a page or a catalog holds is ever parsed as HTML.
"use strict";

(() => {
  const root = document.documentElement;
  const OVERLAY = "l10n-preview-overlay";

  function notesOf(element) {
    try {
      const notes = JSON.parse(element.getAttribute("data-preview-notes") || "[]");
      return Array.isArray(notes) ? notes : [];
    } catch (error) {
      return [];
    }
  }

  function lines(note) {
    const where = note.attribute ? ` [${note.attribute}]` : "";
    if (note.type === "finding") {
      return [`${note.kind} (${note.severity}, ${note.evidence})${where}`, note.message,
        `“${note.text}”`];
    }
    const entry = [`${note.domain}${note.msgctxt ? " · msgctxt " + note.msgctxt : ""}`,
      `msgid “${note.msgid}”`];
    if (note.type === "untranslated") {
      return [`untranslated (${note.reason})${where}`, ...entry,
        ...(note.po ? [`${note.po}:${note.line}`] : [])];
    }
    return [`catalog entry${where}`, ...entry,
      note.po ? `${note.po}:${note.line}` : "not in a catalog or template"];
  }

  function overlayOn() {
    return root.classList.contains(OVERLAY);
  }

  function withOverlay(href) {
    const url = new URL(href, location.href);
    if (overlayOn()) url.searchParams.set("overlay", "1");
    else url.searchParams.delete("overlay");
    return url.pathname + url.search + url.hash;
  }

  function setOverlay(on) {
    root.classList.toggle(OVERLAY, on);
    const button = document.getElementById("l10n-preview-overlay");
    if (button) button.setAttribute("aria-pressed", String(on));
    history.replaceState(null, "", withOverlay(location.href));
    const pseudo = document.getElementById("l10n-preview-pseudo");
    if (pseudo) pseudo.setAttribute("href", withOverlay(pseudo.getAttribute("href")));
    if (!on) hideTip();
  }

  // -- tooltips ------------------------------------------------------------------------------
  const tip = document.getElementById("l10n-preview-tip");

  function hideTip() {
    if (tip) tip.hidden = true;
  }

  function showTip(element, x, y) {
    const notes = notesOf(element);
    if (!tip || !notes.length) return hideTip();
    tip.replaceChildren();
    for (const note of notes) {
      const box = document.createElement("div");
      box.className = `l10n-note l10n-note-${note.type}`;
      for (const text of lines(note)) {
        const line = document.createElement("div");
        line.textContent = text;
        box.append(line);
      }
      tip.append(box);
    }
    tip.hidden = false;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    tip.style.left = `${Math.max(4, Math.min(x + 12, innerWidth - width - 4))}px`;
    tip.style.top = `${y + 16 + height < innerHeight ? y + 16 : Math.max(4, y - height - 8)}px`;
  }

  document.addEventListener("mouseover", (event) => {
    if (!overlayOn() || !(event.target instanceof Element)) return;
    const element = event.target.closest("[data-preview-notes]");
    if (element) showTip(element, event.clientX, event.clientY);
    else hideTip();
  });
  document.addEventListener("mouseleave", hideTip);

  // -- toolbar ---------------------------------------------------------------------------------
  const toggle = document.getElementById("l10n-preview-overlay");
  if (toggle) toggle.addEventListener("click", () => setOverlay(!overlayOn()));

  const select = document.getElementById("l10n-preview-locale");
  if (select) {
    select.addEventListener("change", () => {
      location.assign(withOverlay(select.value));
    });
  }

  const pseudo = document.getElementById("l10n-preview-pseudo");
  if (pseudo) pseudo.setAttribute("href", withOverlay(pseudo.getAttribute("href")));

  const panel = document.getElementById("l10n-preview-panel");
  if (panel) {
    panel.addEventListener("click", (event) => {
      const item = event.target instanceof Element ? event.target.closest("li[data-target]") : null;
      if (!item) return;
      const ident = item.getAttribute("data-target");
      const target = [...document.querySelectorAll("[data-preview-id]")]
        .find((element) => element.getAttribute("data-preview-id") === ident);
      if (!target) return;
      if (!overlayOn()) setOverlay(true);
      target.scrollIntoView({block: "center"});
      target.classList.add("l10n-preview-flash");
      setTimeout(() => target.classList.remove("l10n-preview-flash"), 1500);
    });
  }

  // -- index: leak counts, a few requests at a time --------------------------------------------
  const cells = [...document.querySelectorAll("[data-leaks]")];

  async function fill(cell) {
    try {
      const response = await fetch(cell.getAttribute("data-leaks"));
      const data = await response.json();
      if (data.error) {
        cell.textContent = "error";
        cell.title = data.error;
        cell.classList.add("error");
        return;
      }
      cell.textContent = `${data.findings} leak${data.findings === 1 ? "" : "s"}`;
      cell.title = `${data.errors} errors, ${data.warnings} warnings; ` +
        `${data.untranslated} strings kept untranslated`;
      cell.classList.add(data.errors ? "bad" : data.findings ? "warn" : "ok");
    } catch (error) {
      cell.textContent = "?";
    }
  }

  async function worker() {
    while (cells.length) await fill(cells.shift());
  }

  for (let i = 0; i < 3; i += 1) worker();
})();
