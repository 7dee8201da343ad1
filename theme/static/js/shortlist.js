// Career Mitra: the shortlist page. The saved institutions are in this browser's localStorage (picks.js); their
// names, places and fees come from the build's static compare files. Nothing is sent to us.
"use strict";

// After every deferred script (picks.js, which shares the lists, comes later in the page).
document.addEventListener("DOMContentLoaded", function () {
  const list = document.getElementById("shortlist");
  const picks = window.careerMitraPicks;
  if (!list || !picks) return;
  const T = window.careerMitraText;
  const { _, ngettext, href } = T;
  const status = document.getElementById("shortlist-status");
  const actions = document.getElementById("shortlist-actions");
  document.getElementById("shortlist-fallback").hidden = true;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function card(inst) {
    // The Hindi names a compare file gives (compare.py), on a Hindi page.
    const hi = (T.hindi && inst.hi) || {};
    const item = el("li", null, "card");
    const heading = el("h2");
    const link = T.name(el("a"), inst.name, hi.name);
    link.href = href(inst.url);
    heading.append(link);
    const named = (english) => (hi.names && hi.names[english]) || english;
    item.append(heading, el("p", named(inst.type) + " · " + named(inst.city) + ", " + named(inst.state), "muted"));
    item.append(el("p", inst.rating.average !== null
      ? ngettext("%(average)s out of 5 from %(n)s review", "%(average)s out of 5 from %(n)s reviews", inst.rating.count, { average: inst.rating.average })
      : _("No reviews yet")));
    const fees = inst.courses.map((course) => course.fee.value);
    const low = inst.courses.find((course) => course.fee.value === Math.min(...fees));
    const high = inst.courses.find((course) => course.fee.value === Math.max(...fees));
    item.append(el("p", high !== low && high.fee.value !== low.fee.value
      ? _("Tuition %(low)s to %(high)s a year", { low: low.fee.text, high: high.fee.text })
      : _("Tuition %(fee)s a year", { fee: low.fee.text }), "small"));
    const remove = el("button", _("Remove"));
    remove.type = "button";
    remove.setAttribute("aria-label", _("Remove: %(name)s", { name: hi.name || inst.name }));
    remove.addEventListener("click", () => {
      picks.write("saved", picks.read("saved").filter((slug) => slug !== inst.slug));
      show();
    });
    item.append(remove);
    return item;
  }

  function show() {
    const slugs = picks.read("saved");
    list.textContent = "";
    actions.hidden = slugs.length === 0;
    document.getElementById("shortlist-compare").href = picks.compareUrl(slugs);
    if (!slugs.length) {
      status.textContent = _("Your shortlist is empty. Use “Save” on an institution’s page or card to add it.");
      return;
    }
    status.textContent = ngettext("Loading your %(n)s saved institution…", "Loading your %(n)s saved institutions…", slugs.length);
    Promise.all(slugs.map((slug) => fetch("/compare/data/" + slug + ".json").then((answer) => (answer.ok ? answer.json() : null)).catch(() => null)))
      .then((found) => {
        list.textContent = "";
        found.filter(Boolean).forEach((inst) => list.append(card(inst)));
        const gone = slugs.filter((slug, index) => !found[index]);
        status.textContent = ngettext("You saved %(n)s institution.", "You saved %(n)s institutions.", slugs.length)
          + (gone.length ? " " + _("No longer on the site: %(slugs)s.", { slugs: gone.join(", ") }) : "")
          + (slugs.length > picks.MAX_COMPARE ? " " + _("Compare takes the first %(n)s.", { n: picks.MAX_COMPARE }) : "");
      });
  }

  document.getElementById("shortlist-clear").addEventListener("click", () => {
    picks.write("saved", []);
    show();
  });
  show();
});
