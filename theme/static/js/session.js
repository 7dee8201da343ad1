// The header's signed-in state on every (static) page: the API sets the display cookie with the session and
// clears it on sign-out; it holds the display name only and grants nothing (the session cookie is HttpOnly).
"use strict";

(function () {
  // consent.js (the analytics banner and beacon) only where it has work: no choice yet (the banner), "accepted"
  // (the beacon), or the cookie settings page. Refused, or a browser's Global Privacy Control or Do Not Track
  // signal: nothing to do, nothing downloaded (consent.js reads the same cookie and signals).
  const consent = document.currentScript && document.currentScript.dataset.consent;
  const refused = /(?:^|;\s*)cm_consent=rejected/.test(document.cookie) || navigator.globalPrivacyControl === true
    || navigator.doNotTrack === "1" || window.doNotTrack === "1";
  if (consent && (!refused || document.querySelector("[data-consent-status]"))) {
    const script = document.createElement("script");
    script.src = consent;
    document.head.append(script);
  }
  const match = document.cookie.match(/(?:^|;\s*)cm_signed_in=([^;]+)/);
  let name = "";
  try {
    name = match ? decodeURIComponent(match[1]) : "";
  } catch (error) {
    name = "";
  }
  document.querySelectorAll("[data-signed-in]").forEach((node) => { node.hidden = !name; });
  document.querySelectorAll("[data-signed-out]").forEach((node) => { node.hidden = Boolean(name); });
  document.querySelectorAll("[data-display-name]").forEach((node) => { node.textContent = name; });
  // A sign-in link brings the person back to the page they were on (the API accepts same-site paths only);
  // not from the sign-in and account pages themselves, in either language (/hi/sign-in/ too).
  const here = location.pathname + location.search;
  const page = location.pathname.replace(/^\/hi(?=\/)/, "");
  if (!page.startsWith("/sign-in/") && !page.startsWith("/account/")) {
    document.querySelectorAll("a[data-return-here]").forEach((link) => {
      const target = new URL(link.href, location.href);
      target.searchParams.set("return_to", here);
      link.href = target.pathname + target.search;
    });
  }
})();
