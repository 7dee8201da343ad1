// Fills a form field from the page's query string (data-query="review" takes ?review=...), so the Report and
// Reply links under a review open their form with the review filled in. Progressive enhancement only.
"use strict";
(function () {
  const query = new URLSearchParams(window.location.search);
  document.querySelectorAll("[data-query]").forEach((control) => {
    const value = query.get(control.getAttribute("data-query"));
    if (value && !control.value) control.value = value;
  });
})();
