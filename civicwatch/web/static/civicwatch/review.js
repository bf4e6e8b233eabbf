/* Review: keyboard shortcuts on the queue, the claim panel on the document page.
 * No inline code anywhere (CSP script-src 'self'); htmx does the requests. */
(function () {
  "use strict";

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll(".claim-list .claim-card"));
  }

  function current() {
    return document.querySelector(".claim-list .claim-card.is-current");
  }

  function select(card) {
    var previous = current();
    if (previous) previous.classList.remove("is-current");
    if (!card) return;
    card.classList.add("is-current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = cards();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
    select(all[next]);
  }

  function nextUndecided(after) {
    var all = cards();
    var index = all.indexOf(after);
    for (var i = index + 1; i < all.length; i += 1) {
      if (!all[i].classList.contains("is-decided")) return all[i];
    }
    return after;
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function toggleHelp() {
    var help = document.getElementById("review-help");
    if (!help) return;
    help.classList.toggle("is-open");
    if (help.classList.contains("is-open")) help.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (!document.querySelector("[data-review-queue]")) return;
    var card = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "?": toggleHelp(); break;
      case "a":
        if (!card) return;
        var accept = card.querySelector("[data-action='accept']");
        if (accept) accept.click();
        break;
      case "e":
        if (!card) return;
        var edit = card.querySelector("[data-action='edit']");
        if (edit) edit.click();
        break;
      case "r":
        if (!card) return;
        var reject = card.querySelector("details[data-action='reject']");
        if (reject) {
          reject.open = true;
          var reason = reject.querySelector("input[name='reason']");
          if (reason) reason.focus();
        }
        break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && typing(event.target)) {
      var card = event.target.closest(".claim-card");
      if (card) { event.target.blur(); select(card); }
    }
  });

  document.addEventListener("click", function (event) {
    var card = event.target.closest && event.target.closest(".claim-list .claim-card");
    if (card && card !== current()) {
      var previous = current();
      if (previous) previous.classList.remove("is-current");
      card.classList.add("is-current");
    }
    var close = event.target.closest && event.target.closest("[data-close-panel]");
    if (close) {
      var panel = document.getElementById("claim-panel");
      if (panel) panel.innerHTML = "";
    }
  });

  /* New content from htmx (htmx:load fires on the new elements, which are attached; the
   * element that made the request may have been swapped out with its card). */
  document.addEventListener("htmx:load", function (event) {
    var element = event.target;
    if (!element || !element.classList) return;
    if (element.classList.contains("claim-card") && element.closest(".claim-list")) {
      if (element.querySelector(".claim-card__notice")) {
        element.classList.add("is-current");
        select(element.classList.contains("is-decided") ? nextUndecided(element) : element);
      }
      return;
    }
    if (element.classList.contains("claim-editor")) {
      var field = element.querySelector("input:not([type='hidden']), select");
      if (field) field.focus();
      return;
    }
    if (element.closest && element.closest("#claim-panel")) {
      var first = element.querySelector(".claim-card");
      if (first) first.focus({ preventScroll: true });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("[data-review-queue]") && !current()) {
      var first = cards()[0];
      if (first) first.classList.add("is-current");
    }
  });
})();
