// Forms and their result pages: progressive enhancement only; every form works without this file.
"use strict";

// Forms: a signed fill-time token, errors shown beside each field without a reload, then the thank-you page.
// The review form keeps its draft in this browser through signing in; every form waits out the minimum fill
// time (an autofilled form is sent a few seconds later, "Sending…") instead of being refused as too quick.
(function () {
  const forms = document.querySelectorAll("form[data-form]");
  if (!forms.length) return;
  const { _, href } = window.careerMitraText;
  const json = { Accept: "application/json" };
  const opened = new Map(); // form -> {at: ms when its first token arrived, minimum: ms the API asks for}
  const pending = new Map(); // form -> the token request under way
  const DRAFTED = new Set(["review"]);
  const NOT_DRAFTED = new Set(["form_token", "fax_number"]);

  function signedIn() {
    return /(?:^|;\s*)cm_signed_in=[^;]+/.test(document.cookie);
  }

  function draftKey(form) {
    return "cm_draft:" + form.dataset.form + ":" + location.pathname;
  }

  function saveDraft(form) {
    if (!DRAFTED.has(form.dataset.form)) return;
    const values = [];
    for (const [name, value] of new FormData(form)) if (!NOT_DRAFTED.has(name)) values.push([name, value]);
    try { localStorage.setItem(draftKey(form), JSON.stringify(values)); } catch (error) { /* storage off */ }
  }

  function restoreDraft(form) {
    if (!DRAFTED.has(form.dataset.form)) return false;
    let values = null;
    try { values = JSON.parse(localStorage.getItem(draftKey(form)) || "null"); } catch (error) { values = null; }
    if (!Array.isArray(values)) return false;
    for (const [name, value] of values) {
      const controls = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
      controls.forEach((control) => {
        if (control.type === "radio" || control.type === "checkbox") control.checked = control.value === value;
        else if (control.type !== "hidden") control.value = value;
      });
    }
    return values.length > 0;
  }

  function dropDraft(form) {
    try { localStorage.removeItem(draftKey(form)); } catch (error) { /* storage off */ }
  }

  // To sign in and come back: the draft stays in this browser, the emailed link returns to this page.
  function signInFirst(form) {
    saveDraft(form);
    location.assign(href("/sign-in/") + "?return_to=" + encodeURIComponent(location.pathname));
  }

  function sessionIsLive() {
    return fetch("/api/session", { headers: json, credentials: "same-origin" })
      .then((answer) => (answer.ok ? answer.json() : {}))
      .then((data) => Boolean(data.authenticated))
      .catch(() => false);
  }

  function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  function fieldFor(form, name) {
    return form.querySelector('[name="' + CSS.escape(name) + '"]');
  }

  function clear(form) {
    form.querySelectorAll(".error").forEach((node) => node.remove());
    form.querySelectorAll("[aria-invalid]").forEach((node) => {
      node.removeAttribute("aria-invalid");
      const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
      if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
      else node.removeAttribute("aria-describedby");
    });
    const old = form.previousElementSibling;
    if (old && old.classList.contains("error-summary")) old.remove();
  }

  function show(form, error) {
    const summary = document.createElement("div");
    summary.className = "error-summary";
    summary.setAttribute("role", "alert");
    summary.tabIndex = -1;
    const heading = document.createElement("h2");
    heading.textContent = error.message || _("Something needs another look.");
    summary.append(heading);
    const list = document.createElement("ul");
    for (const [name, why] of Object.entries(error.fields || {})) {
      const control = fieldFor(form, name);
      const item = document.createElement("li");
      if (control && control.type !== "hidden") {
        const id = (control.id || name.replace(/\W/g, "-")) + "-error";
        const note = document.createElement("span");
        note.className = "error";
        note.id = id;
        note.textContent = why;
        (control.closest(".field") || control.parentElement).append(note);
        control.setAttribute("aria-invalid", "true");
        const described = control.getAttribute("aria-describedby");
        control.setAttribute("aria-describedby", described ? described + " " + id : id);
        const link = document.createElement("a");
        link.href = "#" + control.id;
        link.textContent = why; // the catalogue's message names the field already
        item.append(link);
      } else {
        item.textContent = why;
      }
      list.append(item);
    }
    const next = { not_signed_in: [href("/sign-in/") + "?return_to=" + encodeURIComponent(location.pathname),
      _("Sign in, then come back to this page")],
      policy_not_accepted: [href("/account/accept-policy/"), _("Accept the new privacy policy, then come back to this page")] };
    if (next[error.code]) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = next[error.code][0];
      link.textContent = next[error.code][1];
      item.append(link);
      list.append(item);
    }
    if (list.children.length) summary.append(list);
    form.before(summary);
    summary.focus();
  }

  // A token carries one submission; after a send the form gets a fresh one that keeps the time it was opened.
  function token(form) {
    const sent = fieldFor(form, "form_token");
    const renew = sent && sent.value ? "&renew=" + encodeURIComponent(sent.value) : "";
    const request = fetch("/api/form-token?form=" + encodeURIComponent(form.dataset.form) + renew,
      { headers: json, credentials: "same-origin" })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((data) => {
        if (!data) return;
        const input = fieldFor(form, data.field) || document.createElement("input");
        input.type = "hidden";
        input.name = data.field;
        input.value = data.token;
        form.append(input);
        // A renewed token keeps the form's opening time on the server, so the first one's time counts here.
        if (!opened.has(form)) opened.set(form, { at: Date.now(), minimum: (data.min_seconds || 0) * 1000 });
      })
      .catch(() => {});
    pending.set(form, request);
    return request;
  }

  // What the emailed link's return path is, on the sign-in and register forms (the API checks it again).
  const returnTo = new URLSearchParams(location.search).get("return_to") || "";
  document.querySelectorAll("[data-return-to]").forEach((input) => { input.value = returnTo; });
  if (returnTo) {
    document.querySelectorAll("a[data-carry-return]").forEach((link) => {
      link.href = link.pathname + "?return_to=" + encodeURIComponent(returnTo);
    });
  }

  for (const form of forms) {
    if (form.dataset.form !== "logout" && !("noToken" in form.dataset)) token(form);
    if (restoreDraft(form) && signedIn()) {
      const note = document.createElement("p");
      note.className = "note";
      note.setAttribute("role", "status");
      note.textContent = _("Your draft is back. Check it and send it.");
      form.before(note);
    }
    if (DRAFTED.has(form.dataset.form)) form.addEventListener("input", () => saveDraft(form));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clear(form);
      // Signed out: sign in first, then back here with the draft. Without the display cookie the session is asked
      // (a session older than that cookie still counts); a 401 to the send itself does the same below.
      if (DRAFTED.has(form.dataset.form) && !signedIn() && !(await sessionIsLive())) {
        signInFirst(form);
        return;
      }
      const button = form.querySelector("button[type=submit]");
      const label = button.textContent;
      button.disabled = true;
      try {
        if (form.dataset.form !== "logout") {
          button.textContent = _("Sending…");
          await pending.get(form);
          const since = opened.get(form);
          // People who autofill are quicker than the minimum fill time: wait out the rest rather than refuse.
          if (since) await wait(Math.max(0, since.at + since.minimum + 300 - Date.now()));
        }
        const answer = await fetch(form.action, {
          method: "POST", credentials: "same-origin", headers: json,
          body: new URLSearchParams(new FormData(form)),
        });
        const data = await answer.json().catch(() => ({}));
        if (answer.status === 401 && DRAFTED.has(form.dataset.form)) {
          document.cookie = "cm_signed_in=; Max-Age=0; Path=/; Secure; SameSite=Lax";
          signInFirst(form);
          return;
        }
        if (answer.ok) {
          dropDraft(form);
          const done = new URL(form.dataset.done, location.href);
          if (data.ticket) done.searchParams.set("ticket", data.ticket);
          location.assign(done.href);
          return;
        }
        show(form, data.error || { message: _("Something went wrong on our side. Please try again.") });
      } catch (error) {
        show(form, { message: _("We could not reach Career Mitra. Check your connection and try again.") });
      } finally {
        if (form.dataset.form !== "logout" && !("noToken" in form.dataset)) await token(form);
        button.textContent = label;
        button.disabled = false;
      }
    });
  }

  const status = document.querySelector("[data-session]");
  if (status) {
    fetch("/api/session", { headers: json, credentials: "same-origin" })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((data) => {
        if (!data) return;
        status.textContent = data.authenticated ? _("Signed in as %(name)s", { name: data.display_name })
          : _("You are not signed in.");
        status.hidden = false;
      })
      .catch(() => {});
  }
})();

// Result pages: the ticket number, or which fields a form posted without script got wrong.
(function () {
  const detail = document.querySelector("[data-detail]");
  if (!detail) return;
  const { _ } = window.careerMitraText;
  const query = new URLSearchParams(location.search);
  if (query.get("ticket")) detail.textContent = _("Your ticket number is %(ticket)s.", { ticket: query.get("ticket") });
  else if (query.get("fields")) detail.textContent = _("Fields to check: %(fields)s.", { fields: query.get("fields").split(",").join(", ") });
  detail.hidden = !detail.textContent;
})();

// "Your account" (DPDP duties): fill the details form with the signed-in person's current details and show
// their account history and nominee. Without script the forms still work; only the pre-filling is missing.
(function () {
  const area = document.querySelector("[data-account-rights]");
  if (!area) return;
  const { _ } = window.careerMitraText;
  const json = { headers: { Accept: "application/json" }, credentials: "same-origin" };
  fetch("/api/session", json)
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((session) => (session && session.authenticated ? fetch("/api/account/details", json) : null))
    .then((answer) => (answer && answer.ok ? answer.json() : null))
    .then((data) => {
      if (!data) return;
      for (const name of ["name", "phone", "city"]) {
        const input = area.querySelector('form[data-form="details"] [name="' + name + '"]');
        if (input && !input.value) input.value = data[name] || "";
      }
      const email = area.querySelector("[data-account-email]");
      email.textContent = _("You sign in with %(email)s.", { email: data.email });
      email.hidden = false;
      const nominee = area.querySelector("[data-nominee-now]");
      nominee.textContent = data.nominee ? _("Your nominee now: %(name)s (%(email)s).", { name: data.nominee.name, email: data.nominee.email })
        : _("You have not named a nominee.");
      nominee.hidden = false;
      const history = area.querySelector("[data-account-history]");
      history.replaceChildren();
      for (const change of data.history) {
        const item = document.createElement("li");
        item.textContent = change.at.slice(0, 10) + ": " + change.action + " (" + change.fields.join(", ") + ")";
        history.append(item);
      }
      if (!data.history.length) history.append(Object.assign(document.createElement("li"), { textContent: _("No changes yet.") }));
    })
    .catch(() => {});
})();
