// The 404 page CloudFront serves for every missing path (template.yaml) holds a half in each language. On a
// path in another language (/hi/...) that half goes first and becomes the page's heading and title. Without
// script both halves show, English first.
(function () {
  "use strict";
  var halves = Array.prototype.slice.call(document.querySelectorAll("[data-not-found] > section[data-lang-prefix]"));
  var path = window.location.pathname;
  var wanted = halves.filter(function (half) {
    var prefix = half.getAttribute("data-lang-prefix");
    return prefix && (path === prefix || path.indexOf(prefix + "/") === 0);
  })[0];
  if (!wanted || wanted === halves[0]) {
    return;
  }
  var first = halves[0];
  first.parentNode.insertBefore(wanted, first);
  // One h1, the visitor's: the two halves swap heading levels.
  [[wanted, "h1"], [first, "h2"]].forEach(function (pair) {
    var old = pair[0].querySelector("h1, h2");
    var heading = document.createElement(pair[1]);
    while (old.firstChild) {
      heading.appendChild(old.firstChild);
    }
    old.parentNode.replaceChild(heading, old);
  });
  document.title = wanted.getAttribute("data-title");
}());
