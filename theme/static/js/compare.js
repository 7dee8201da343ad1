// Career Mitra: the compare page. Reads ?i=slug,slug (up to 4), fetches each institution's small static file
// /compare/data/<slug>.json written by the build (never the API), and lays the figures side by side with their
// sources. On a phone each row stacks: the label, then one line per institution (see .stack in site.css).
"use strict";

// After every deferred script (picks.js, which shares the lists, comes later in the page).
document.addEventListener("DOMContentLoaded", function () {
  const root = document.getElementById("compare-root");
  if (!root) return;
  const status = document.getElementById("compare-status");
  const picks = window.careerMitraPicks;
  const T = window.careerMitraText;
  const { _, ngettext } = T;
  document.getElementById("compare-fallback").hidden = true;
  const OWNERSHIP = {"Central": _("Central"), "State": _("State"), "Deemed to be university": _("Deemed to be university"),
    "Private": _("Private"), "Government-aided": _("Government-aided"), "Government": _("Government")};

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function wanted() {
    const given = new URLSearchParams(location.search).get("i");
    const slugs = (given ? given.split(",") : picks ? picks.read("compare") : []).map((s) => s.trim());
    return [...new Set(slugs.filter((slug) => picks ? picks.SLUG.test(slug) : /^[a-z0-9-]+$/.test(slug)))].slice(0, 4);
  }

  // Dates and closing ranks come written in English (compare.py): a Hindi page rewrites their words.
  const MONTHS = {January: _("January"), February: _("February"), March: _("March"), April: _("April"), May: _("May"),
    June: _("June"), July: _("July"), August: _("August"), September: _("September"), October: _("October"),
    November: _("November"), December: _("December")};
  const CATEGORIES = {"General": _("General"), "General-PwD": _("General-PwD"),
    "State quota": _("State quota"), "Management quota": _("Management quota")};
  const longDate = (text) => text.replace(/\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/g, (all, day, month, year) => `${day} ${MONTHS[month] || month} ${year}`);
  function applicationWindow(text) {
    const both = text.match(/^(.+\d{4}) to (.+\d{4})$/);
    return both ? _("%(opens)s to %(closes)s", { opens: longDate(both[1]), closes: longDate(both[2]) }) : longDate(text);
  }
  function closingRank(text) {
    const parts = text.match(/^(.+) (\d{4}), (.+), round (\d+): ([\d,]+)$/);
    if (!parts) return text;
    const [, exam, year, category, round, rank] = parts;
    return _("%(exam)s %(year)s, %(category)s, round %(round)s: %(rank)s", { exam, year, category: CATEGORIES[category] || category, round, rank });
  }

  // A source line's opening words (careermitra/site/builder/facts_view.py writes them in English).
  function opening(prefix) {
    const self = prefix.match(/^Self-reported, (\d+)( \()?$/);
    if (self) return self[2] ? _("Self-reported, %(year)s (", { year: self[1] }) : _("Self-reported, %(year)s", { year: self[1] });
    if (prefix === "Verified by our editors against ") return _("Verified by our editors against ");
    if (prefix === "Public dataset: ") return _("Public dataset: ");
    const reviews = prefix.match(/^From (\d+) reviews? on this site by registered students?, (?:each )?read by a moderator(?:; (\d+ )?verified at the institution)?$/);
    if (!reviews) return prefix;
    const [, count, verified] = reviews;
    if (count === "1") {
      return prefix.includes("verified") ? _("From 1 review on this site by a registered student, read by a moderator; verified at the institution")
        : _("From 1 review on this site by a registered student, read by a moderator");
    }
    return verified ? _("From %(count)s reviews on this site by registered students, each read by a moderator; %(verified)s verified at the institution", { count, verified: verified.trim() })
      : _("From %(count)s reviews on this site by registered students, each read by a moderator", { count });
  }

  function source(src) {
    const node = el("span", opening(src.prefix), "source");
    if (src.source) {  // the source's own name, as the content gives it (marked English on a Hindi page)
      const name = T.name(el(src.url ? "a" : "span"), src.source, null);
      if (src.url) {
        name.href = src.url;
        name.rel = "nofollow noopener";
      }
      node.append(name);
    }
    node.append(src.suffix);
    return node;
  }

  // A row: label, one cell per institution. `value(inst)` gives {text, number?, source?} or null.
  // `better` is "low" or "high" when a smaller or larger number is the better one.
  function row(body, label, institutions, value, better) {
    const values = institutions.map(value);
    const tr = el("tr");
    tr.append(Object.assign(el("th", label), { scope: "row" }));
    const numbers = values.map((v) => (v && typeof v.number === "number" ? v.number : null));
    const known = numbers.filter((n) => n !== null);
    const best = better && known.length > 1 ? (better === "low" ? Math.min(...known) : Math.max(...known)) : null;
    const texts = values.map((v) => (v ? v.text : "—"));
    if (new Set(texts).size > 1) tr.className = "differs";
    values.forEach((v, index) => {
      const td = el("td");
      td.dataset.label = shownName(institutions[index]);
      td.append(texts[index]);
      if (best !== null && numbers[index] === best && new Set(known).size > 1) {
        td.classList.add("best");
        td.append(" ", el("strong", _("best"), "badge"));
      }
      if (v && v.source) {
        td.append(el("br"), source(v.source));
      }
      tr.append(td);
    });
    body.append(tr);
  }

  function group(table, title) {
    const body = el("tbody");
    const tr = el("tr", null, "group");
    const th = Object.assign(el("th", title), { scope: "colgroup" });
    th.colSpan = table.querySelector("thead tr").children.length;
    tr.append(th);
    body.append(tr);
    table.append(body);
    return body;
  }

  // The name a Hindi page shows: the institution's own Hindi name when it has one.
  function shownName(inst) {
    return inst.hi.name || inst.name;
  }

  function money(m, src) {
    return m ? { text: m.text, number: m.value, source: src } : null;
  }

  function courseNames(institutions) {
    return [...new Set(institutions.flatMap((inst) => inst.courses.map((c) => c.name)))];
  }

  function perCourse(inst, name, pick) {
    const rows = inst.courses.filter((c) => c.name === name);
    if (!rows.length) return null;
    const parts = rows.map(pick).filter((part) => part && part.text);
    if (!parts.length) return null;
    const lowest = parts.map((part) => part.number).filter((n) => typeof n === "number");
    return {
      text: parts.map((part) => (rows.length > 1 && part.label ? part.label + ": " : "") + part.text).join("; "),
      number: lowest.length ? Math.min(...lowest) : undefined,
      source: parts[0].source,
    };
  }

  // Who is compared, each with a Remove button: above the table, so it stays on a phone where the table's
  // column headings are folded into each row.
  function chooser(institutions) {
    const list = el("ul", null, "chips plain no-print compared");
    for (const inst of institutions) {
      const item = el("li");
      item.append(T.name(el("span"), inst.name, inst.hi.name), " ");
      const remove = el("button", _("Remove"));
      remove.type = "button";
      remove.setAttribute("aria-label", _("Remove: %(name)s", { name: shownName(inst) }));
      remove.addEventListener("click", () => {
        const left = institutions.filter((other) => other.slug !== inst.slug).map((other) => other.slug);
        if (picks) picks.write("compare", left);
        history.replaceState(null, "", T.href(left.length ? "/compare/?i=" + left.join(",") : "/compare/"));
        start();
      });
      item.append(remove);
      list.append(item);
    }
    return list;
  }

  function render(institutions) {
    // The Hindi of the names the files give (English -> Hindi, compare.py), on a Hindi page.
    const hindiNames = Object.assign({}, ...institutions.map((i) => i.hi.names || {}));
    const hindi = (english) => hindiNames[english] || english;
    root.textContent = "";
    const table = el("table", null, "compare-table stack");
    const caption = el("caption", _("Comparing %(names)s", { names: institutions.map(shownName).join(", ") }));
    caption.className = "visually-hidden";
    table.append(caption);
    const head = el("thead");
    const headRow = el("tr");
    headRow.append(Object.assign(el("th", _("Figure")), { scope: "col" }));
    for (const inst of institutions) {
      const th = Object.assign(el("th"), { scope: "col" });
      const link = T.name(el("a"), inst.name, inst.hi.name);
      link.href = T.href(inst.url);
      th.append(link);
      headRow.append(th);
    }
    head.append(headRow);
    table.append(head);
    root.append(chooser(institutions));

    let body = group(table, _("Facts"));
    row(body, _("Type"), institutions, (i) => ({ text: hindi(i.type) }));
    row(body, _("Location"), institutions, (i) => ({ text: hindi(i.city) + ", " + hindi(i.state) }));
    row(body, _("Established"), institutions, (i) => ({ text: String(i.established) }));
    row(body, _("Ownership"), institutions, (i) => (i.ownership ? { text: OWNERSHIP[i.ownership] || i.ownership } : null));
    row(body, _("Approved by"), institutions, (i) => (i.approvals.bodies.length ? { text: i.approvals.bodies.join(", "), source: i.approvals.affiliated_to ? null : i.approvals.source } : null));
    row(body, _("Affiliated to"), institutions, (i) => (i.approvals.affiliated_to ? { text: i.approvals.affiliated_to, source: i.approvals.source } : null));
    row(body, _("NAAC grade"), institutions, (i) => (i.approvals.naac_grade ? { text: i.approvals.naac_grade, source: i.approvals.naac_source } : null));
    row(body, _("NIRF rank"), institutions, (i) => (i.approvals.nirf_rank ? { text: T.number(i.approvals.nirf_rank), number: i.approvals.nirf_rank, source: i.approvals.nirf_source } : null), "low");

    body = group(table, _("Student ratings"));
    row(body, _("Overall, out of 5"), institutions, (i) => (i.rating.average !== null ? { text: String(i.rating.average), number: i.rating.average } : { text: _("No reviews yet") }), "high");
    row(body, _("Reviews"), institutions, (i) => ({ text: T.number(i.rating.count), number: i.rating.count, source: i.rating.source }), "high");
    const aspects = [...new Set(institutions.flatMap((i) => i.rating.aspects.map((a) => a.label)))];
    for (const label of aspects) {
      row(body, hindi(label), institutions, (i) => {
        const found = i.rating.aspects.find((a) => a.label === label);
        return found ? { text: String(found.average), number: found.average } : null;
      }, "high");
    }

    const names = courseNames(institutions);
    body = group(table, _("Fees and cost of a year"));
    for (const name of names) {
      row(body, _("%(course)s: tuition a year", { course: hindi(name) }), institutions, (i) => perCourse(i, name, (c) => ({ label: c.title, text: c.fee.text, number: c.fee.value })), "low");
      row(body, _("%(course)s: total a year", { course: hindi(name) }), institutions, (i) => perCourse(i, name, (c) => (c.total ? { label: c.title, text: c.total.text, number: c.total.value, source: i.cost.source } : null)), "low");
    }
    row(body, _("Hostel"), institutions, (i) => (i.cost ? money(i.cost.hostel) : null), "low");
    row(body, _("Mess"), institutions, (i) => (i.cost ? money(i.cost.mess) : null), "low");
    row(body, _("Other fees"), institutions, (i) => (i.cost ? money(i.cost.other) : null), "low");

    body = group(table, _("Placements (latest year)"));
    row(body, _("Placed"), institutions, (i) => (i.placements ? { text: _("%(placed)s of %(eligible)s (%(percent)s), %(year)s", { placed: T.number(i.placements.placed), eligible: T.number(i.placements.eligible), percent: i.placements.percent + "%", year: i.placements.year }), number: i.placements.percent, source: i.placements.source } : null), "high");
    row(body, _("Median package"), institutions, (i) => (i.placements ? money(i.placements.median) : null), "high");
    row(body, _("Highest package"), institutions, (i) => (i.placements ? money(i.placements.highest) : null), "high");
    row(body, _("Top recruiters"), institutions, (i) => (i.placements && i.placements.recruiters.length ? { text: i.placements.recruiters.join(", ") } : null));

    body = group(table, _("Admissions"));
    for (const name of names) {
      row(body, _("%(course)s: exams", { course: hindi(name) }), institutions, (i) => perCourse(i, name, (c) => (c.exams.length ? { label: c.title, text: c.exams.join(", "), source: c.admissions_source } : null)));
      row(body, _("%(course)s: applications", { course: hindi(name) }), institutions, (i) => perCourse(i, name, (c) => (c.application ? { label: c.title, text: applicationWindow(c.application) } : null)));
      row(body, _("%(course)s: closing rank", { course: hindi(name) }), institutions, (i) => perCourse(i, name, (c) => (c.closing_rank ? { label: c.title, text: closingRank(c.closing_rank) } : null)));
    }
    root.append(table);
  }

  function start() {
    const slugs = wanted();
    if (!slugs.length) {
      root.textContent = "";
      status.textContent = _("Nothing to compare yet. Use “Add to compare” on institution pages, then come back here.");
      return;
    }
    status.textContent = ngettext("Loading %(n)s institution…", "Loading %(n)s institutions…", slugs.length);
    Promise.all(slugs.map((slug) => fetch("/compare/data/" + slug + ".json").then((answer) => (answer.ok ? answer.json() : null)).catch(() => null)))
      .then((found) => {
        const institutions = found.filter(Boolean).map((inst) => ({ ...inst, hi: (T.hindi && inst.hi) || {} }));
        const missing = slugs.filter((slug, index) => !found[index]);
        render(institutions);
        status.textContent = (institutions.length ? ngettext("Comparing %(n)s institution.", "Comparing %(n)s institutions.", institutions.length) : "")
          + (missing.length ? " " + _("Not found: %(slugs)s.", { slugs: missing.join(", ") }) : "");
      });
  }

  start();
});
