// The write-a-review form folded at the end of an institution page is not sent with the page: it is read from
// the institution's review page when the fold is opened, which spares every visit its 4 KB. Without script the
// fold holds the link to that page, where the same form works without script.
"use strict";

(function () {
  const fold = document.getElementById("write-review");
  if (!fold || !fold.dataset.formFrom) return;
  let asked = false;
  fold.addEventListener("toggle", () => {
    if (!fold.open || asked) return;
    asked = true;
    fetch(fold.dataset.formFrom).then((answer) => {
      if (!answer.ok) throw new Error(answer.status);
      return answer.text();
    }).then((html) => {
      const page = new DOMParser().parseFromString(html, "text/html");
      const form = page.querySelector("form[data-form=review]");
      if (!form) return;
      const note = page.querySelector(".note[data-signed-out]");
      if (note) {
        note.hidden = /(?:^|;\s*)cm_signed_in=/.test(document.cookie);  // as session.js does on load
        fold.append(document.importNode(note, true));
      }
      const styles = page.querySelector('link[rel=stylesheet][href*="lists-and-forms"]');
      if (styles) document.head.append(document.importNode(styles, true));
      fold.append(document.importNode(form, true));
    }).catch(() => { asked = false; });  // the link in the fold still leads to the form
  });
})();
