// The editions view (/align/<n>): "Accept" writes one proposal into its catalog through
// POST /accept, with the page's token. Replies are shown as text, never as markup.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.l10n-accept");
  if (!button) {
    return;
  }
  const token = document.querySelector('meta[name="l10n-token"]').content;
  const state = button.closest("tr").querySelector(".l10n-state");
  button.disabled = true;
  try {
    const response = await fetch("/accept", {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-L10n-Token": token},
      body: JSON.stringify({
        page: Number(button.dataset.page),
        edition: Number(button.dataset.edition),
        proposal: Number(button.dataset.proposal),
        msgid: button.dataset.msgid,
        msgstr: button.dataset.msgstr,
      }),
    });
    const reply = await response.json();
    state.textContent = response.ok ? reply.state : reply.error;
    if (response.ok) {
      button.remove();
    } else {
      button.disabled = false;
    }
  } catch (error) {
    state.textContent = String(error);
    button.disabled = false;
  }
});
