// Search: Pagefind in the browser, on the search page. Without it the page points to the listings.
"use strict";

(function () {
  const form = document.getElementById("search-form");
  if (!form) return;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const fields = ["type", "city", "course"];
  document.getElementById("search-fallback").hidden = true;
  let pagefind = null;
  let latest = 0;

  function text(tag, value, className) {
    const node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  function card(result) {
    const item = document.createElement("li");
    item.className = "card";
    const heading = document.createElement("h3");
    const link = text("a", result.meta.title || result.url);
    link.href = result.url;
    heading.append(link);
    item.append(heading);
    const where = [result.filters.type, result.filters.city].flat().filter(Boolean).join(" · ");
    if (where) item.append(text("p", where, "muted"));
    item.append(text("p", result.excerpt.replace(/<[^>]*>/g, ""), "small"));
    return item;
  }

  async function run() {
    const ticket = ++latest;
    const params = new URLSearchParams(new FormData(form));
    const query = (params.get("q") || "").trim();
    const filters = {};
    for (const name of fields) if (params.get(name)) filters[name] = params.get(name);
    history.replaceState(null, "", "?" + params.toString());
    if (!query && !Object.keys(filters).length) {
      status.textContent = "Type a name, city or course to search.";
      list.replaceChildren();
      return;
    }
    status.textContent = "Searching…";
    try {
      pagefind = pagefind || (await import("/pagefind/pagefind.js"));
      const search = await pagefind.search(query || null, { filters });
      const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...data.map(card));
      const n = search.results.length;
      status.textContent = n === 0 ? "No institutions match. Try fewer words or another filter."
        : n + (n === 1 ? " institution found" : " institutions found") + (n > 30 ? ", showing the first 30." : ".");
    } catch (error) {
      status.textContent = "Search is unavailable right now. Browse by city, type or course instead.";
    }
  }

  const initial = new URLSearchParams(location.search);
  form.elements.q.value = initial.get("q") || "";
  for (const name of fields) if (initial.get(name)) form.elements[name].value = initial.get(name);
  let timer = 0;
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
})();
