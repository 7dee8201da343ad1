// The scripts' words in the page's language (careermitra/site/script_text.py). A script writes its words in
// English, _("Sign in") or ngettext("%(n)s review", "%(n)s reviews", n), like the templates; a Hindi page
// carries their Hindi as JSON in #ui-text. Values fill %(name)s placeholders.
(function () {
  "use strict";
  const source = document.getElementById("ui-text");
  const words = source ? JSON.parse(source.textContent) : {};
  const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (match, key) => values && key in values ? String(values[key]) : match);
  const prefix = document.documentElement.lang.startsWith("hi") ? "/hi" : "";
  window.careerMitraText = {
    // A link to one of the site's pages in the page's language (the data files hold the English URLs).
    href: (url) => (url.startsWith("/") && !url.startsWith("/api/") && !url.startsWith(prefix + "/") ? prefix + url : url),
    _: (text, values) => fill(typeof words[text] === "string" ? words[text] : text, values),
    ngettext: (one, many, count, values) => {
      const forms = Array.isArray(words[one]) ? words[one] : [one, many];
      return fill(count === 1 ? forms[0] : forms[1], { n: count, ...values });
    },
  };
})();
