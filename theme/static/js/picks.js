// Career Mitra: "Add to compare" and "Save" on institution pages and cards. Both lists live in this browser's
// localStorage only: nothing is sent to us. Without script (or storage) the buttons never appear.
"use strict";

(function () {
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_COMPARE = 4;
  const lists = { compare: "cm_compare", saved: "cm_shortlist" };

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
    return "/compare/?i=" + slugs.slice(0, MAX_COMPARE).join(",");
  }

  // Shared with the compare and shortlist pages' scripts, which load after this one.
  window.careerMitraPicks = { read, write, compareUrl, SLUG, MAX_COMPARE };

  try {
    localStorage.setItem("cm_probe", "1");
    localStorage.removeItem("cm_probe");
  } catch (error) {
    return; // storage is off: no buttons that could not keep their promise
  }

  const groups = Array.from(document.querySelectorAll("[data-pick]"));

  // The name read out starts with the visible label, then says which institution (cards put many on one page).
  function button(label, name) {
    const node = document.createElement("button");
    node.type = "button";
    node.textContent = label;
    node.setAttribute("aria-label", label + ": " + name);
    return node;
  }

  function refresh() {
    const compare = read("compare");
    const saved = read("saved");
    for (const group of groups) {
      const slug = group.dataset.pick;
      group.querySelector("[data-list=compare]").setAttribute("aria-pressed", String(compare.includes(slug)));
      group.querySelector("[data-list=saved]").setAttribute("aria-pressed", String(saved.includes(slug)));
      const link = group.querySelector("a");
      link.hidden = !compare.includes(slug) || compare.length < 2;
      link.href = compareUrl(compare);
      link.textContent = "Compare " + compare.length + " now";
    }
  }

  function toggle(group, name) {
    const slug = group.dataset.pick;
    const status = group.querySelector("[role=status]");
    const current = read(name);
    if (current.includes(slug)) {
      write(name, current.filter((item) => item !== slug));
      status.textContent = name === "compare" ? "Taken out of compare." : "Taken off your shortlist.";
    } else if (name === "compare" && current.length >= MAX_COMPARE) {
      status.textContent = "Compare holds " + MAX_COMPARE + " institutions: take one out first.";
    } else {
      write(name, [...current, slug]);
      status.textContent = name === "compare" ? "Added to compare." : "Saved to your shortlist.";
    }
    refresh();
  }

  for (const group of groups) {
    const name = group.dataset.name;
    const compare = button("Add to compare", name);
    compare.dataset.list = "compare";
    const save = button("Save", name);
    save.dataset.list = "saved";
    const link = document.createElement("a");
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "small muted";
    compare.addEventListener("click", () => toggle(group, "compare"));
    save.addEventListener("click", () => toggle(group, "saved"));
    group.append(compare, save, link, status);
    group.hidden = false;
  }
  refresh();
  window.addEventListener("storage", refresh);
})();
