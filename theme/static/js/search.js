// Search: Pagefind in the browser, on the search page. Without it the page points to the listings.
// Before Pagefind runs, the query is rewritten from the names index (/search/names.json): a word that is in no
// name is corrected when one typo away from a known word ("Decan" -> deccan), and a word or phrase with aliases
// (Bangalore, पुणे, engineering, एमबीए) is searched as each of them too; the results of all are merged. Each
// result shows its row from the institution's data file (rating, reviews, city, fees), and the filters of
// listings (filters.js) narrow and sort the results.
"use strict";

(function () {
  const form = document.getElementById("search-form");
  const F = window.CareerMitraFilters;
  if (!form || !F) return;
  const T = window.careerMitraText;
  const { _, ngettext } = T;
  const status = document.getElementById("search-status");
  const corrected = document.getElementById("search-corrected");
  const list = document.getElementById("search-results");
  // Type and city filter inside Pagefind. A course does not: Pagefind's filter file for courses, which lists
  // every institution under each of its courses, alone weighed over 100 KB at 10,000 institutions. A course
  // narrows the results in the browser, from their rows, and without words it is the word searched ("btech").
  const pagefindFilters = ["type", "city"];
  // Matches are read in steps, best first: each costs two small files (its Pagefind fragment and its row), so a
  // step of 30, or of 75 when a filter or sort of the rows is chosen, keeps one search under 300 KB at 10,000
  // institutions. "Look through more" reads the next step, until every match has been read; the filters and
  // sorts then apply to all matches of the words. (data-step on the form can lower the steps, for tests.)
  const SHOWN = Number(form.dataset.shown) || 30;
  const NARROWED = Number(form.dataset.step) || 75;
  const more = document.getElementById("search-more");  // a paragraph holding the button
  const moreButton = more.querySelector("button");
  let current = null;     // the search on screen: {all, read: [{url, title, row}], state, narrowing, ticket}
  document.getElementById("search-fallback").hidden = true;
  let pagefind = null;
  let words = null;
  let aliases = {};
  const MOST_QUERIES = 8;  // the expansions of one query searched at most
  let latest = 0;

  // Whether two words differ by at most one letter added, removed, changed or two swapped.
  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    return short.slice(i) === long.slice(i + 1);
  }

  // The query with each unknown word of four letters or more replaced by the known word one typo away.
  function correct(query) {
    if (!words) return query;
    return query.split(/\s+/).map((word) => {
      const lower = word.toLowerCase();
      if (lower.length < 4 || !/^[a-z]+$/.test(lower) || words.has(lower)) return word;
      for (const known of words) if (known.startsWith(lower)) return word;  // still being typed
      for (const known of words) if (oneEditApart(lower, known)) return known;
      return word;
    }).join(" ");
  }

  async function loadWords() {
    if (words) return;
    try {
      const response = await fetch("/search/names.json");
      if (response.ok) {
        const index = await response.json();
        words = new Set(index.words);
        aliases = index.aliases || {};
      }
    } catch (error) { /* no corrections, the search still runs */ }
  }

  // The queries a (corrected) query stands for: each phrase of up to three words that has aliases replaced by
  // each of them in turn (a family's word is among its own aliases: "engineering" is searched too).
  function expand(query) {
    const tokens = query.split(/\s+/).filter(Boolean);
    let queries = [[]];
    for (let i = 0; i < tokens.length;) {
      let options = null, taken = 1;
      for (let n = Math.min(3, tokens.length - i); n >= 1 && !options; n--) {
        const phrase = tokens.slice(i, i + n).join(" ").toLowerCase();
        if (Object.prototype.hasOwnProperty.call(aliases, phrase)) {
          options = aliases[phrase];
          taken = n;
        }
      }
      options = options || [tokens[i]];
      queries = queries.flatMap((q) => options.map((o) => [...q, o])).slice(0, MOST_QUERIES);
      i += taken;
    }
    return queries.map((q) => q.join(" "));
  }

  // Every query's results once each, best score first.
  async function searchAll(queries, filters) {
    const searches = await Promise.all(queries.map((q) => pagefind.search(q || null, { filters })));
    const best = new Map();
    for (const search of searches) {
      for (const result of search.results) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  // A result's row, from its institution's data file: one file for both languages, at the page's neutral URL
  // (a Hindi result is /hi/institutions/<slug>/, its data /institutions/<slug>/data.json).
  async function rowOf(url) {
    try {
      const response = await fetch(T.neutral(url) + "data.json");
      if (!response.ok) return null;
      return F.parse(await response.json())[0] || null;
    } catch (error) {
      return null;
    }
  }

  async function run() {
    const ticket = ++latest;
    const params = new URLSearchParams();
    const formData = new FormData(form);
    for (const [name, value] of formData) if (String(value).trim()) params.set(name, String(value).trim());
    const query = (params.get("q") || "").trim();
    const filters = {};
    for (const name of pagefindFilters) if (params.get(name)) filters[name] = params.get(name);
    const state = F.stateFrom(params, "");
    const narrowing = Object.keys(state).length > 0;
    history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
    current = null;
    more.hidden = true;
    if (!query && !Object.keys(filters).length && !state.course) {
      status.textContent = _("Type a name, city or course to search.");
      corrected.hidden = true;
      list.replaceChildren();
      return;
    }
    status.textContent = _("Searching…");
    try {
      await loadWords();
      const terms = correct(query) || (state.course ? state.course.replace(/-/g, "") : "");
      pagefind = pagefind || (await import("/pagefind/pagefind.js"));
      const all = await searchAll(terms ? expand(terms) : [null], filters);
      if (ticket !== latest) return;
      const fixed = query && terms !== query;
      corrected.hidden = !fixed;
      corrected.textContent = fixed ? _("Showing results for “%(words)s”.", { words: terms }) : "";
      current = { all, read: [], state, narrowing, ticket };
      await readMore(current);
    } catch (error) {
      status.textContent = _("Search is unavailable right now. Browse by city, type or course instead.");
    }
  }

  // Reads the next step of matches (their fragments and rows), then shows every match read so far that passes
  // the filters, in the chosen order.
  async function readMore(search) {
    const step = search.all.slice(search.read.length, search.read.length + (search.narrowing ? NARROWED : SHOWN));
    const data = await Promise.all(step.map((r) => r.data()));
    const rows = await Promise.all(data.map((d) => rowOf(d.url)));
    if (search !== current || search.ticket !== latest) return;
    search.read.push(...data.map((d, n) => ({ url: d.url, title: d.meta.title, row: rows[n] })));
    let results = search.read;
    if (search.narrowing) {
      results = results.filter((r) => r.row && F.matches(r.row, search.state));
      const order = F.sorted(results.map((r) => r.row), search.state);
      results = [...results].sort((a, b) => order.indexOf(a.row) - order.indexOf(b.row));
    }
    list.replaceChildren(...results.map((r) => (r.row ? F.card(r.row, search.state, T.href(r.url)) : plain(r))));
    more.hidden = search.read.length >= search.all.length;
    status.textContent = summary(results.length, search.read.length, search.all.length, search.narrowing);
  }

  function plain(result) {
    const item = document.createElement("li");
    item.className = "card";
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.textContent = result.title || result.url;
    link.href = T.href(result.url);
    heading.append(link);
    item.append(heading);
    return item;
  }

  function summary(shown, read, total, narrowing) {
    if (total === 0) return _("No institutions match. Try fewer words or another filter.");
    const partly = read < total;
    const counts = { read: T.number(read), total: T.number(total) };
    if (!narrowing) {
      return partly ? ngettext("%(n)s institution found, showing the first %(read)s.",
        "%(n)s institutions found, showing the first %(read)s.", total, counts)
        : ngettext("%(n)s institution found.", "%(n)s institutions found.", total);
    }
    if (shown === 0 && !partly) return _("No institutions match these filters. Try fewer filters.");
    return partly ? ngettext("%(n)s institution matches among the first %(read)s of %(total)s matches.",
      "%(n)s institutions match among the first %(read)s of %(total)s matches.", shown, counts)
      : ngettext("%(n)s institution matches.", "%(n)s institutions match.", shown);
  }

  const initial = new URLSearchParams(location.search);
  F.offerEvery(form, (form.dataset.exams || "").split("|").filter(Boolean));
  form.elements.q.value = initial.get("q") || "";
  for (const name of [...pagefindFilters, "course"]) if (initial.get(name)) form.elements[name].value = initial.get(name);
  F.showState(form, F.stateFrom(initial, ""));
  let timer = 0;
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener("change", () => { clearTimeout(timer); run(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  moreButton.addEventListener("click", () => {
    if (!current || moreButton.disabled) return;
    moreButton.disabled = true;
    status.textContent = _("Searching…");
    readMore(current).catch(() => {
      status.textContent = _("Search is unavailable right now. Browse by city, type or course instead.");
    }).finally(() => { moreButton.disabled = false; });
  });
  run();
})();
