// Career Mitra: the analytics consent banner and the first-party beacon. Nothing is sent before consent,
// and a browser's Global Privacy Control or Do Not Track signal counts as a refusal.
"use strict";

(function () {
  const { _ } = window.careerMitraText;
  const signal = navigator.globalPrivacyControl === true || navigator.doNotTrack === "1" || window.doNotTrack === "1";
  let banner = document.getElementById("consent-banner");
  const status = document.querySelector("[data-consent-status]");
  const started = Date.now();
  let hiddenSince = 0;
  let hiddenFor = 0;
  let sent = false;

  function choice() {
    const found = document.cookie.match(/(?:^|;\s*)cm_consent=([^;.]*)/);
    return found ? found[1] : null;
  }

  function describe() {
    if (!status) return;
    // The words are the cookie settings page's (data-signal, data-accepted-adult, data-rejected, data-none).
    const now = choice();
    const words = status.dataset;
    status.textContent = signal ? words.signal
      : now === "accepted-adult" ? words.acceptedAdult : now === "rejected" ? words.rejected : words.none;
    status.hidden = false;
  }

  function send() {
    if (sent || signal || choice() !== "accepted-adult") return;
    sent = true;
    const data = { path: location.pathname, seconds: Math.min(21600, Math.round((Date.now() - started - hiddenFor) / 1000)) };
    if (document.referrer) {
      const from = new URL(document.referrer);
      if (from.origin === location.origin) data.previous = from.pathname;
      else data.referrer = from.origin;
    }
    fetch("/api/events", {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
    }).catch(() => {});
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      hiddenSince = Date.now();
      send();
    } else if (hiddenSince) {
      hiddenFor += Date.now() - hiddenSince;
    }
  });
  window.addEventListener("pagehide", send);

  function wire(form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = event.submitter && event.submitter.value === "accept" ? "accept" : "reject";
      const adult = form.querySelector('input[name="adult"]');
      const note = form.querySelector("[data-adult-note]");
      // Analytics only for someone who says they are 18 or older: no tracking of children.
      if (value === "accept" && !(adult && adult.checked)) {
        if (note) note.hidden = false;
        if (adult) adult.focus();
        return;
      }
      if (note) note.hidden = true;
      fetch(form.action, {
        method: "POST", credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ choice: value, adult: value === "accept" }),
      }).then((answer) => {
        if (!answer.ok) throw new Error(String(answer.status));
        if (banner) showBanner(false);
        describe();
      }).catch(() => {
        // The API is unreachable: post the form itself, which works without script too.
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "choice";
        input.value = value;
        form.append(input);
        if (adult && value === "accept") adult.checked = true;
        form.submit();
      });
    });
  }
  document.querySelectorAll("form[data-consent]").forEach(wire);

  // While the banner shows, the page keeps its height free at the bottom (body padding and scroll padding), so
  // the banner never hides the end of the page or the element that has keyboard focus.
  function showBanner(show) {
    banner.hidden = !show;
    const room = show ? Math.ceil(banner.getBoundingClientRect().height) + 8 + "px" : "";
    document.body.style.paddingBottom = room;
    document.documentElement.style.scrollPaddingBottom = room;
  }

  function start() {
    showBanner(true);
    window.addEventListener("resize", () => { if (!banner.hidden) showBanner(true); });
  }

  // The institution pages (the ones issue 13 weighs) are sent without the banner: it is read from the cookie
  // settings page, with the stylesheet it needs, only for a visitor who has not chosen yet.
  function fetchBanner() {
    fetch(window.careerMitraText.href("/cookies/")).then((answer) => {
      if (!answer.ok) throw new Error(String(answer.status));
      return answer.text();
    }).then((html) => {
      const page = new DOMParser().parseFromString(html, "text/html");
      const found = page.getElementById("consent-banner");
      if (!found || document.getElementById("consent-banner")) return;
      banner = document.importNode(found, true);
      document.body.append(banner);
      banner.querySelectorAll("form[data-consent]").forEach(wire);
      const styles = page.querySelector('link[rel=stylesheet][href*="lists-and-forms"]');
      if (!styles || document.querySelector('link[rel=stylesheet][href*="lists-and-forms"]')) {
        start();
        return;
      }
      const link = document.importNode(styles, true);
      link.addEventListener("load", start);
      document.head.append(link);
    }).catch(() => {});  // no banner: nothing is recorded before a choice, and /cookies/ still offers one
  }

  if (!signal && !choice()) {
    if (banner) start();
    else fetchBanner();
  }
  describe();
})();
