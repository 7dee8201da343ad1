// The scripts' words in the page's language (careermitra/site/script_text.py). A script writes its words in
// English, _("Sign in") or ngettext("%(n)s review", "%(n)s reviews", n), like the templates; a Hindi page
// carries their Hindi as JSON in #ui-text. Values fill %(name)s placeholders.
(function () {
  "use strict";
  const source = document.getElementById("ui-text");
  const words = source ? JSON.parse(source.textContent) : {};
  const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (match, key) => values && key in values ? String(values[key]) : match);
  const hindi = document.documentElement.lang.startsWith("hi");
  const prefix = hindi ? "/hi" : "";
  // Indian digit grouping (1,45,000) on both sites: Hindi pages keep Western digits, as the templates do.
  const digits = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 1 });
  const number = (value) => digits.format(value);
  window.careerMitraText = {
    hindi,
    // A link to one of the site's pages in the page's language (the data files hold the English URLs).
    href: (url) => (url.startsWith("/") && !url.startsWith("/api/") && !url.startsWith(prefix + "/") ? prefix + url : url),
    // A page's URL without its language prefix, where the shared data files are (careermitra.i18n.neutral_url).
    neutral: (url) => (url === "/hi" || url.startsWith("/hi/") ? url.slice(3) || "/" : url),
    number,
    rupees: (value) => "₹" + number(value),
    // A name as this page shows it: the Hindi name on a Hindi page when the data gives one. The element showing
    // an English name on a Hindi page is marked English, as the templates mark it (lang_attr).
    name: (node, english, inHindi) => {
      node.textContent = hindi && inHindi ? inHindi : english;
      if (hindi && !inHindi && /[A-Za-z]/.test(english)) node.lang = "en-IN";
      return node;
    },
    _: (text, values) => fill(typeof words[text] === "string" ? words[text] : text, values),
    ngettext: (one, many, count, values) => {
      const forms = Array.isArray(words[one]) ? words[one] : [one, many];
      return fill(count === 1 ? forms[0] : forms[1], { n: number(count), ...values });
    },
  };
})();
