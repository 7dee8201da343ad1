// Filters and sort in the browser, from a listing's data file (its folder's data.json; for a big listing a
// manifest whose parts are read only when a filter needs them), with the state in the
// URL (?course=b-tech&max_fee=150000&sort=fees) so a filtered list can be shared and reopened. Without this
// script the listing stays as the server wrote it (A to Z, the best rated first). The search page uses the same
// rules (window.CareerMitraFilters) on the rows of its results.
"use strict";

(function () {
  const NAMES = ["course", "max_fee", "cost", "ownership", "naac", "exam", "min_rating", "hostel", "sort"];
  const GRADES = ["A++", "A+", "A", "B++", "B+", "B", "C", "D"];
  const T = window.careerMitraText;
  const { _, ngettext } = T;
  const OWNERSHIP = {central: _("Central"), state: _("State"), deemed: _("Deemed to be university"),
    private: _("Private"), "government-aided": _("Government-aided"), government: _("Government")};
  const PAGE = 50;

  // The slug a row leaves out because it is the name in URL form (careermitra/site/builder/listing_data.py).
  const slugOf = (name) => (name.toLowerCase().match(/[a-z0-9]+/g) || []).join("-");

  // A data file: {fields, types, places: [[city, state]], courses: [[slug, name]], exams, rows} -> objects.
  // Its "hi" block gives a Hindi page the Hindi of the names (English -> Hindi, where they differ) and the
  // institutions' own Hindi names by row; an English page keeps the English (listing_data.py).
  function hindiOf(data) {
    const hi = (T.hindi && data.hi) || {};
    const names = hi.names || {};
    return { rows: new Map(hi.rows || []), name: (english) => names[english] || english };
  }

  function parse(data) {
    const at = {};
    data.fields.forEach((name, n) => { at[name] = n; });
    const hi = hindiOf(data);
    return data.rows.map((row, index) => ({
      slug: row[at.slug] || slugOf(row[at.name]), name: row[at.name], nameHi: hi.rows.get(index) || null,
      type: hi.name(data.types[row[at.type]]),
      city: hi.name(data.places[row[at.place]][0]), state: hi.name(data.places[row[at.place]][1]),
      average: row[at.average], count: row[at.count], score: row[at.score], ownership: row[at.ownership],
      naac: row[at.naac], nirf: row[at.nirf], hostel: row[at.hostel] === 1, extra: row[at.extra_cost],
      courses: row[at.courses].map(([c, fee, exams]) => ({
        slug: data.courses[c][0], name: hi.name(data.courses[c][1]), fee: fee,
        exams: exams.map((e) => data.exams[e]),
      })),
    }));
  }

  function stateFrom(params, fixedCourse) {
    const state = {};
    for (const name of NAMES) {
      const value = (params.get(name) || "").trim();
      if (value) state[name] = value;
    }
    if (fixedCourse) state.course = fixedCourse;
    return state;
  }

  // The yearly fee a row is judged by: the chosen course's (or its cheapest course), tuition or the total.
  function fee(row, state) {
    const courses = state.course ? row.courses.filter((c) => c.slug === state.course) : row.courses;
    if (!courses.length) return null;
    const tuition = Math.min(...courses.map((c) => c.fee));
    if (state.cost !== "total") return tuition;
    return row.extra === null || row.extra === undefined ? null : tuition + row.extra;
  }

  function matches(row, state) {
    const courses = state.course ? row.courses.filter((c) => c.slug === state.course) : row.courses;
    if (state.course && !courses.length) return false;
    if (state.max_fee) {
      const value = fee(row, state);
      if (value === null || value > Number(state.max_fee)) return false;
    }
    if (state.ownership && row.ownership !== state.ownership) return false;
    if (state.naac && (!row.naac || GRADES.indexOf(row.naac) > GRADES.indexOf(state.naac))) return false;
    if (state.exam && !courses.some((c) => c.exams.includes(state.exam))) return false;
    if (state.min_rating && !(row.count > 0 && row.average >= Number(state.min_rating))) return false;
    if (state.hostel && !row.hostel) return false;
    return true;
  }

  const byName = (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());
  const last = (value) => (value === null || value === undefined ? Infinity : value);

  function sorted(rows, state) {
    const copy = rows.slice();
    if (state.sort === "rating") {
      const worst = (row) => (row.score === null || row.score === undefined ? Infinity : -row.score);
      copy.sort((a, b) => (worst(a) - worst(b)) || (b.count - a.count) || byName(a, b));
    } else if (state.sort === "fees") {
      copy.sort((a, b) => (last(fee(a, state)) - last(fee(b, state))) || byName(a, b));
    } else if (state.sort === "nirf") {
      copy.sort((a, b) => (last(a.nirf) - last(b.nirf)) || byName(a, b));
    } else if (state.sort === "name") {
      copy.sort(byName);
    }
    return copy;
  }

  const inr = T.rupees;

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function stars(average) {
    const filled = Math.max(0, Math.min(5, Math.floor(average + 0.5)));
    return "★".repeat(filled) + "☆".repeat(5 - filled);
  }

  // A card like the server's (partials/card.html): name, type and place, rating and reviews, fees.
  function card(row, state, url) {
    const item = element("li", "", "card");
    const heading = element("h3");
    const link = T.name(element("a"), row.name, row.nameHi);
    link.href = T.href(url || "/institutions/" + row.slug + "/");
    heading.append(link);
    item.append(heading, element("p", row.type + " · " + row.city + ", " + row.state, "muted"));
    const rating = element("p");
    if (row.count > 0) {
      const span = element("span", "", "rating");
      const shown = element("span", stars(row.average), "stars");
      shown.setAttribute("aria-hidden", "true");
      span.append(shown, " ", element("strong", row.average.toFixed(1)),
        element("span", " " + _("out of 5"), "visually-hidden"), " ",
        element("span", "(" + ngettext("%(n)s review", "%(n)s reviews", row.count) + ")", "muted"));
      rating.append(span);
    } else {
      rating.append(element("span", _("No reviews yet"), "rating muted"));
    }
    item.append(rating);
    const parts = [];
    const chosen = state.course ? row.courses.filter((c) => c.slug === state.course) : [];
    if (chosen.length) {
      const tuition = Math.min(...chosen.map((c) => c.fee));
      parts.push(_("Fees %(fee)s a year for %(course)s", { fee: inr(tuition), course: chosen[0].name }));
      if (row.extra !== null && row.extra !== undefined) {
        parts.push(_("%(total)s with hostel, mess and other fees", { total: inr(tuition + row.extra) }));
      }
    } else {
      const fees = row.courses.map((c) => c.fee);
      const low = Math.min(...fees), high = Math.max(...fees);
      parts.push(high !== low ? _("Fees %(low)s to %(high)s a year", { low: inr(low), high: inr(high) })
        : _("Fees %(fee)s a year", { fee: inr(low) }));
    }
    if (row.naac) parts.push("NAAC " + row.naac);
    if (row.nirf) parts.push(_("NIRF rank %(rank)s", { rank: row.nirf }));
    item.append(element("p", parts.join(" · "), "small"));
    // "Add to compare" and "Save", as on the server's cards (picks.js gives them their buttons).
    const picks = element("div", "", "picks");
    picks.dataset.pick = row.slug;
    picks.dataset.name = T.hindi && row.nameHi ? row.nameHi : row.name;
    picks.hidden = true;
    item.append(picks);
    if (window.careerMitraPicks) window.careerMitraPicks.wire(item);
    return item;
  }

  function fill(select, choices) {
    if (!select) return;
    for (const [value, label] of choices) {
      const option = element("option", label);
      option.value = value;
      select.append(option);
    }
  }

  // The course, exam and ownership choices a set of rows offers (only those that can match something).
  function offerChoices(form, rows) {
    const courses = new Map(), exams = new Set(), owners = new Set();
    for (const row of rows) {
      for (const c of row.courses) {
        courses.set(c.slug, c.name);
        c.exams.forEach((e) => exams.add(e));
      }
      if (row.ownership) owners.add(row.ownership);
    }
    fill(form.elements.course, [...courses].sort((a, b) => a[1].localeCompare(b[1])));
    fill(form.elements.exam, [...exams].sort().map((e) => [e, e]));
    fill(form.elements.ownership, Object.keys(OWNERSHIP).filter((o) => owners.has(o)).map((o) => [o, OWNERSHIP[o]]));
  }

  // Every ownership and the given exams (the search page, whose results come from the whole site).
  function offerEvery(form, exams) {
    fill(form.elements.exam, exams.slice().sort().map((e) => [e, e]));
    fill(form.elements.ownership, Object.entries(OWNERSHIP));
  }

  // A big listing's manifest (format 3) names its choices itself; its rows are in parts.
  function offerManifest(form, manifest) {
    const hi = hindiOf(manifest);
    const courses = manifest.courses.map(([slug, name]) => [slug, hi.name(name)]);
    fill(form.elements.course, courses.sort((a, b) => a[1].localeCompare(b[1])));
    fill(form.elements.exam, manifest.exams.map((e) => [e, e]));
    fill(form.elements.ownership, Object.keys(OWNERSHIP).filter((o) => manifest.ownerships.includes(o))
      .map((o) => [o, OWNERSHIP[o]]));
  }

  function showState(form, state) {
    for (const name of NAMES) {
      const field = form.elements[name];
      if (!field) continue;
      if (field.type === "checkbox") field.checked = Boolean(state[name]);
      else {
        const value = state[name] || "";
        if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
          fill(field, [[value, value]]);  // a shared link may name a choice this list does not offer
        }
        field.value = value;
      }
    }
  }

  function paramsOf(form, fixedCourse) {
    const params = new URLSearchParams();
    for (const name of NAMES) {
      const field = form.elements[name];
      if (!field || (name === "course" && fixedCourse)) continue;
      const value = field.type === "checkbox" ? (field.checked ? field.value : "") : field.value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  window.CareerMitraFilters = {parse, stateFrom, matches, sorted, card, offerChoices, offerEvery, showState,
    paramsOf, inr};

  const form = document.getElementById("listing-filters");
  if (!form) return;
  const fixedCourse = form.dataset.course || "";
  const status = document.getElementById("filter-status");
  const results = document.getElementById("filter-results");
  const list = document.getElementById("filter-list");
  const more = document.getElementById("filter-more");
  const staticPart = document.getElementById("listing-static");
  let shown = [];
  let state = {};
  let total = 0;
  let latest = 0;
  // The rows for a choice of filters: the one data file of a listing, or the part of a big listing's manifest
  // that the chosen course needs (each part read once).
  let rowsFor = () => Promise.resolve([]);

  function showMore() {
    const start = list.children.length;
    list.append(...shown.slice(start, start + PAGE).map((row) => card(row, state)));
    more.hidden = list.children.length >= shown.length;
  }

  async function apply(push) {
    const ticket = ++latest;
    const params = paramsOf(form, fixedCourse);
    const wanted = stateFrom(params, fixedCourse);
    const query = params.toString();
    if (push) history.replaceState(null, "", query ? "?" + query : location.pathname);
    if (!query) {  // no filter, no sort: the page as the server wrote it
      results.hidden = true;
      staticPart.hidden = false;
      status.textContent = "";
      return;
    }
    let rows;
    try {
      rows = await rowsFor(wanted);
    } catch (error) {
      return;  // a part could not be read: the list stays as it is
    }
    if (ticket !== latest) return;
    state = wanted;
    shown = sorted(rows.filter((row) => matches(row, state)), state);
    list.replaceChildren();
    showMore();
    results.hidden = false;
    staticPart.hidden = true;
    const n = shown.length;
    status.textContent = n === 0 ? _("No institution in this list matches. Try fewer filters.")
      : ngettext("%(shown)s of %(n)s institution match.", "%(shown)s of %(n)s institutions match.", total,
        { shown: T.number(n) });
  }

  function readJson(url) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  readJson(T.neutral(form.dataset.data)).then((data) => {
    if (data.parts) {
      const parts = new Map();
      const base = new URL(T.neutral(form.dataset.data), location.href);
      total = data.count;
      offerManifest(form, data);
      rowsFor = (wanted) => {
        const name = wanted.course || "";
        if (!Object.prototype.hasOwnProperty.call(data.parts, name)) return Promise.resolve([]);  // nobody offers it
        if (!parts.has(name)) {
          const loading = readJson(new URL(data.parts[name], base).href).then(parse);
          loading.catch(() => parts.delete(name));
          parts.set(name, loading);
        }
        return parts.get(name);
      };
    } else {
      const rows = parse(data);
      total = rows.length;
      offerChoices(form, rows);
      rowsFor = () => Promise.resolve(rows);
    }
    const opened = stateFrom(new URLSearchParams(location.search), "");
    showState(form, opened);
    const box = document.getElementById("filter-box");
    if (box && Object.keys(opened).length) box.open = true;  // a shared link shows what it filters by
    form.hidden = false;
    apply(false);
    let timer = 0;
    form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => apply(true), 150); });
    form.addEventListener("change", () => { clearTimeout(timer); apply(true); });
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(true); });
    more.addEventListener("click", showMore);
    document.getElementById("filter-reset").addEventListener("click", (event) => {
      event.preventDefault();
      form.reset();
      apply(true);
    });
  }).catch(() => { /* the data file could not be read: the list stays as the server wrote it */ });
})();
