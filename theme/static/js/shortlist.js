// Career Mitra: the shortlist page. The saved institutions are in this browser's localStorage (picks.js); their
// names, places and fees come from the build's static compare files. Nothing is sent to us.
"use strict";

// After every deferred script (picks.js, which shares the lists, comes later in the page).
document.addEventListener("DOMContentLoaded", function () {
  const list = document.getElementById("shortlist");
  const picks = window.careerMitraPicks;
  if (!list || !picks) return;
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
    const item = el("li", null, "card");
    const heading = el("h2");
    const link = el("a", inst.name);
    link.href = inst.url;
    heading.append(link);
    item.append(heading, el("p", inst.type + " · " + inst.city + ", " + inst.state, "muted"));
    item.append(el("p", inst.rating.average !== null
      ? inst.rating.average + " out of 5 from " + inst.rating.count + (inst.rating.count === 1 ? " review" : " reviews")
      : "No reviews yet"));
    const fees = inst.courses.map((course) => course.fee.value);
    const low = inst.courses.find((course) => course.fee.value === Math.min(...fees));
    const high = inst.courses.find((course) => course.fee.value === Math.max(...fees));
    item.append(el("p", "Tuition " + low.fee.text + (high !== low && high.fee.value !== low.fee.value ? " to " + high.fee.text : "") + " a year", "small"));
    const remove = el("button", "Remove");
    remove.type = "button";
    remove.setAttribute("aria-label", "Remove: " + inst.name);
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
      status.textContent = "Your shortlist is empty. Use “Save” on an institution’s page or card to add it.";
      return;
    }
    status.textContent = "Loading your " + slugs.length + " saved institutions…";
    Promise.all(slugs.map((slug) => fetch("/compare/data/" + slug + ".json").then((answer) => (answer.ok ? answer.json() : null)).catch(() => null)))
      .then((found) => {
        list.textContent = "";
        found.filter(Boolean).forEach((inst) => list.append(card(inst)));
        const gone = slugs.filter((slug, index) => !found[index]);
        status.textContent = "You saved " + slugs.length + (slugs.length === 1 ? " institution" : " institutions") + "."
          + (gone.length ? " No longer on the site: " + gone.join(", ") + "." : "")
          + (slugs.length > picks.MAX_COMPARE ? " Compare takes the first " + picks.MAX_COMPARE + "." : "");
      });
  }

  document.getElementById("shortlist-clear").addEventListener("click", () => {
    picks.write("saved", []);
    show();
  });
  show();
});
