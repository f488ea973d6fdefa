// The review forms post with htmx and swap only the block they are about. The server puts the outcome in that
// block (role="status" or role="alert", data-review-melding); here focus moves to it, so a screen-reader or
// keyboard user hears what happened and continues from there (WCAG 4.1.3, 2.4.3). A live region that arrives
// already filled is not reliably read out, and the focused button was just replaced.
(function () {
  "use strict";

  var MISLUKT = "Dat is niet gelukt: de server gaf geen antwoord. Probeer het opnieuw, of laad de pagina opnieuw.";
  var geopend = new WeakMap(); // an opened comment form -> the link it replaced

  function toon(blok, tekst) {
    var melding = document.createElement("div");
    melding.className = "alert alert-danger py-2 my-2 review-melding";
    melding.setAttribute("role", "alert");
    melding.setAttribute("tabindex", "-1");
    melding.setAttribute("data-review-melding", "");
    melding.textContent = tekst;
    blok.prepend(melding);
    melding.focus();
  }

  // Only the outcome of the latest action stays: one status on the page, no stale ones.
  document.addEventListener("htmx:beforeRequest", function () {
    document.querySelectorAll("[data-review-melding]").forEach(function (el) {
      el.remove();
    });
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    // A page without the block (the login page after the session expired) would swap the block away:
    // show that page instead.
    var doel = event.detail.target;
    var xhr = event.detail.xhr;
    if (doel && doel.id && xhr.status < 400 && xhr.responseText.indexOf('id="' + doel.id + '"') === -1) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL || window.location.href);
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    var melding = document.querySelector("[data-review-melding]");
    if (melding && document.activeElement !== melding) {
      melding.focus();
    }
  });

  // A place's comment form is loaded when it is opened: the link (which leads to the form's own page without
  // JavaScript) is replaced by the form, and focus goes to its first field.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-review-open]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0 || !window.htmx) {
      return;
    }
    event.preventDefault();
    var plek = link.closest(".review-nieuw") || link;
    htmx.ajax("GET", link.href, { target: plek, swap: "outerHTML" }).then(function () {
      var formulier = document.querySelector("[data-review-nieuw]:not([data-geopend])");
      if (formulier) {
        formulier.setAttribute("data-geopend", "");
        geopend.set(formulier, plek);
        var veld = formulier.querySelector("select, textarea");
        if (veld) {
          veld.focus();
        }
      }
    });
  });

  // "Annuleren" puts the link back where the form was, and focus on it: the reader is where they were.
  document.addEventListener("click", function (event) {
    var annuleren = event.target.closest && event.target.closest("a[data-review-annuleren]");
    var formulier = annuleren && annuleren.closest("form");
    var plek = formulier && geopend.get(formulier);
    if (!plek || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    formulier.replaceWith(plek);
    var link = plek.querySelector("a[data-review-open]") || plek;
    link.focus();
  });

  function fout(event) {
    if (event.detail.target) {
      toon(event.detail.target, MISLUKT);
    }
  }
  document.addEventListener("htmx:responseError", fout);
  document.addEventListener("htmx:sendError", fout);
})();
