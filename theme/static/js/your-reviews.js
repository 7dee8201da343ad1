// "Your reviews": the signed-in author's reviews from GET /api/account/reviews, each with where it stands, and
// a button to withdraw one (POST /api/reviews/{id}/withdraw). The page itself is static and the same for all.
"use strict";

(function () {
  const box = document.querySelector("[data-your-reviews]");
  if (!box) return;
  const json = { Accept: "application/json" };
  const STATUS = {
    pending: "Waiting for a moderator",
    approved: "Approved: it appears on the institution's page within a minute or two",
    published: "Published",
    rejected: "Not published",
    withdrawn: "Withdrawn by you",
    removed: "Taken off the site by a moderator after a report",
  };

  function day(text) {
    return text ? new Date(text).toLocaleDateString("en-IN", { day: "numeric", month: "short", year: "numeric" }) : "";
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
    const about = line(entry, "About ", "muted");
    const institution = document.createElement("a");
    institution.href = review.institution_url;
    institution.textContent = review.institution.replace(/-/g, " ");
    about.append(institution, " · " + review.rating + " of 5 stars");
    const status = line(entry, STATUS[review.status] || review.status, "status");
    status.setAttribute("data-status-text", "");
    if (review.url) {
      status.append(" · ");
      const link = document.createElement("a");
      link.href = review.url;
      link.textContent = "See it on the page";
      status.append(link);
    }
    if (review.reason) line(entry, "The moderator's reason: " + review.reason);
    const dates = ["Written " + day(review.written_at)];
    if (review.published_at) dates.push("published " + day(review.published_at));
    else if (review.decided_at) dates.push((review.status === "rejected" ? "decided " : "approved ") + day(review.decided_at));
    if (review.withdrawn_at) dates.push("withdrawn " + day(review.withdrawn_at));
    line(entry, dates.join(" · "), "muted small");
    if (review.can_withdraw) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Withdraw this review";
      button.addEventListener("click", () => withdraw(review, button));
      entry.append(button);
    }
    return entry;
  }

  async function withdraw(review, button) {
    button.disabled = true;
    button.textContent = "Withdrawing…";
    const answer = await fetch("/api/reviews/" + encodeURIComponent(review.id) + "/withdraw", {
      method: "POST", credentials: "same-origin", headers: { ...json, "Content-Type": "application/json" }, body: "{}",
    }).catch(() => null);
    await load();
    const note = document.createElement("p");
    note.className = "note";
    note.setAttribute("role", "status");
    note.textContent = answer && answer.ok
      ? "Withdrawn. If it was published, it leaves the institution's page within a minute or two."
      : "We could not withdraw that review; reload the page and try again.";
    box.prepend(note);
  }

  async function load() {
    const answer = await fetch("/api/account/reviews", { headers: json, credentials: "same-origin" }).catch(() => null);
    if (!answer) return say("We could not reach Career Mitra. Check your connection and reload the page.");
    if (answer.status === 401) {
      return say("Sign in to see your reviews.", ["/sign-in/?return_to=/account/reviews/", "Sign in"]);
    }
    const data = await answer.json().catch(() => ({ reviews: [] }));
    if (!data.reviews || !data.reviews.length) {
      return say("You have not written a review yet. Find an institution you studied at and use its Write a review button.");
    }
    const list = document.createElement("ul");
    list.className = "your-reviews";
    data.reviews.forEach((review) => list.append(item(review)));
    box.replaceChildren(list);
  }

  load();
})();
