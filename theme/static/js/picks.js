// Career Mitra: "Add to compare" and "Save" on institution pages and cards. Both lists live in this browser's
// localStorage only: nothing is sent to us. Without script (or storage) the buttons never appear.
"use strict";

(function () {
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_COMPARE = 4;
  const lists = { compare: "cm_compare", saved: "cm_shortlist" };
  const { _, ngettext, href } = window.careerMitraText;

  function read(name) {
    try {
      const value = JSON.parse(localStorage.getItem(lists[name]) || "[]");
      return Array.isArray(value) ? value.filter((slug) => typeof slug === "string" && SLUG.test(slug)) : [];
    } catch (error) {
      return [];
    }
  }

  function write(name, slugs) {
    localStorage.setItem(lists[name], JSON.stringify(slugs));
  }

  function compareUrl(slugs) {
    return href("/compare/?i=" + slugs.slice(0, MAX_COMPARE).join(","));
  }

  let usable = true;
  try {
    localStorage.setItem("cm_probe", "1");
    localStorage.removeItem("cm_probe");
  } catch (error) {
    usable = false; // storage is off: no buttons that could not keep their promise
  }

  const groups = () => document.querySelectorAll("[data-pick][data-wired]");

  // The name read out starts with the visible label, then says which institution (cards put many on one page).
  function button(label, name) {
    const node = document.createElement("button");
    node.type = "button";
    node.textContent = label;
    node.setAttribute("aria-label", _("%(action)s: %(name)s", { action: label, name }));
    return node;
  }

  function show(group, compare, saved) {
    const slug = group.dataset.pick;
    group.querySelector("[data-list=compare]").setAttribute("aria-pressed", String(compare.includes(slug)));
    group.querySelector("[data-list=saved]").setAttribute("aria-pressed", String(saved.includes(slug)));
    const link = group.querySelector("a");
    link.hidden = !compare.includes(slug) || compare.length < 2;
    link.href = compareUrl(compare);
    link.textContent = ngettext("Compare %(n)s now", "Compare %(n)s now", compare.length);
  }

  function refresh() {
    const compare = read("compare");
    const saved = read("saved");
    for (const group of groups()) show(group, compare, saved);
  }

  function toggle(group, name) {
    const slug = group.dataset.pick;
    const status = group.querySelector("[role=status]");
    const current = read(name);
    if (current.includes(slug)) {
      write(name, current.filter((item) => item !== slug));
      status.textContent = name === "compare" ? _("Taken out of compare.") : _("Taken off your shortlist.");
    } else if (name === "compare" && current.length >= MAX_COMPARE) {
      status.textContent = _("Compare holds %(n)s institutions: take one out first.", { n: MAX_COMPARE });
    } else {
      write(name, [...current, slug]);
      status.textContent = name === "compare" ? _("Added to compare.") : _("Saved to your shortlist.");
    }
    refresh();
  }

  // Gives the buttons to every `[data-pick]` group in `root` that has none yet: the server's cards and pages,
  // and the cards filters.js and search.js draw (they call this for each card they add).
  function wire(root) {
    if (!usable) return;
    const found = root.matches && root.matches("[data-pick]") ? [root] : [];
    found.push(...root.querySelectorAll("[data-pick]"));
    const compareList = read("compare");
    const savedList = read("saved");
    for (const group of found) {
      if (group.dataset.wired) continue;
      group.dataset.wired = "1";
      const name = group.dataset.name;
      const compare = button(_("Add to compare"), name);
      compare.dataset.list = "compare";
      const save = button(_("Save"), name);
      save.dataset.list = "saved";
      const link = document.createElement("a");
      const status = document.createElement("span");
      status.setAttribute("role", "status");
      status.className = "small muted";
      compare.addEventListener("click", () => toggle(group, "compare"));
      save.addEventListener("click", () => toggle(group, "saved"));
      group.append(compare, save, link, status);
      group.hidden = false;
      show(group, compareList, savedList);
    }
  }

  // Shared with the compare and shortlist pages' scripts and with the cards' scripts.
  window.careerMitraPicks = { read, write, compareUrl, wire, SLUG, MAX_COMPARE };

  wire(document);  // also the cards a script drew before this one ran
  window.addEventListener("storage", refresh);
})();
