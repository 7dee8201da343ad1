// "Your reviews": the signed-in author's reviews from GET /api/account/reviews, each with where it stands, and
// a button to withdraw one (POST /api/reviews/{id}/withdraw). The page itself is static and the same for all.
"use strict";

(function () {
  const box = document.querySelector("[data-your-reviews]");
  if (!box) return;
  const { _, href } = window.careerMitraText;
  const json = { Accept: "application/json" };
  const STATUS = {
    pending: _("Waiting for a moderator"),
    approved: _("Approved: it appears on the institution's page within a minute or two"),
    published: _("Published"),
    rejected: _("Not published"),
    withdrawn: _("Withdrawn by you"),
    removed: _("Taken off the site by a moderator after a report"),
  };

  function day(text) {
    return text ? new Date(text).toLocaleDateString(document.documentElement.lang || "en-IN", { day: "numeric", month: "short", year: "numeric" }) : "";
  }

  function line(parent, text, className) {
    const node = document.createElement("p");
    if (className) node.className = className;
    node.textContent = text;
    parent.append(node);
    return node;
  }

  function say(text, link) {
    box.replaceChildren();
    const note = line(box, text + (link ? " " : ""), "note");
    if (link) {
      const anchor = document.createElement("a");
      anchor.href = link[0];
      anchor.textContent = link[1];
      note.append(anchor);
    }
  }

  function item(review) {
    const entry = document.createElement("li");
    entry.className = "review-status";
    entry.dataset.status = review.status;
    const heading = document.createElement("h2");
    heading.textContent = review.title;
    entry.append(heading);
    const about = line(entry, _("About") + " ", "muted");
    const institution = document.createElement("a");
    institution.href = href(review.institution_url);
    institution.textContent = review.institution.replace(/-/g, " ");
    about.append(institution, " · " + _("%(rating)s of 5 stars", { rating: review.rating }));
    const status = line(entry, STATUS[review.status] || review.status, "status");
    status.setAttribute("data-status-text", "");
    if (review.url) {
      status.append(" · ");
      const link = document.createElement("a");
      link.href = href(review.url);
      link.textContent = _("See it on the page");
      status.append(link);
    }
    if (review.reason) line(entry, _("The moderator's reason: %(reason)s", { reason: review.reason }));
    const dates = [_("Written %(date)s", { date: day(review.written_at) })];
    if (review.published_at) dates.push(_("published %(date)s", { date: day(review.published_at) }));
    else if (review.decided_at) {
      dates.push(review.status === "rejected" ? _("decided %(date)s", { date: day(review.decided_at) })
        : _("approved %(date)s", { date: day(review.decided_at) }));
    }
    if (review.withdrawn_at) dates.push(_("withdrawn %(date)s", { date: day(review.withdrawn_at) }));
    line(entry, dates.join(" · "), "muted small");
    if (review.can_withdraw) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = _("Withdraw this review");
      button.addEventListener("click", () => withdraw(review, button));
      entry.append(button);
    }
    return entry;
  }

  async function withdraw(review, button) {
    button.disabled = true;
    button.textContent = _("Withdrawing…");
    const answer = await fetch("/api/reviews/" + encodeURIComponent(review.id) + "/withdraw", {
      method: "POST", credentials: "same-origin", headers: { ...json, "Content-Type": "application/json" }, body: "{}",
    }).catch(() => null);
    await load();
    const note = document.createElement("p");
    note.className = "note";
    note.setAttribute("role", "status");
    note.textContent = answer && answer.ok
      ? _("Withdrawn. If it was published, it leaves the institution's page within a minute or two.")
      : _("We could not withdraw that review; reload the page and try again.");
    box.prepend(note);
  }

  async function load() {
    const answer = await fetch("/api/account/reviews", { headers: json, credentials: "same-origin" }).catch(() => null);
    if (!answer) return say(_("We could not reach Career Mitra. Check your connection and reload the page."));
    if (answer.status === 401) {
      return say(_("Sign in to see your reviews."), [href("/sign-in/") + "?return_to=" + href("/account/reviews/"), _("Sign in")]);
    }
    const data = await answer.json().catch(() => ({ reviews: [] }));
    if (!data.reviews || !data.reviews.length) {
      return say(_("You have not written a review yet. Find an institution you studied at and use its Write a review button."));
    }
    const list = document.createElement("ul");
    list.className = "your-reviews";
    data.reviews.forEach((review) => list.append(item(review)));
    box.replaceChildren(list);
  }

  load();
})();
