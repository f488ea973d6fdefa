// A visible counter under every text field with a maximum length: plain textareas (maxlength) and the rich-text
// editor (data-max-tekens on its textarea; the editor builds its editable area after page load). The counter itself
// is not a live region, so typing stays quiet; only going over the maximum is announced (WCAG 4.1.3).
(function () {
  "use strict";

  function maximum(textarea) {
    return parseInt(textarea.dataset.maxTekens || textarea.getAttribute("maxlength"), 10);
  }

  function getal(n) {
    return n.toLocaleString("nl-NL");
  }

  function tekstVan(textarea) {
    var wrapper = textarea.closest(".prose-editor");
    var editor = wrapper && wrapper.querySelector(".ProseMirror");
    if (editor) return editor.textContent;
    if (textarea.dataset.maxTekens) {
      return new DOMParser().parseFromString(textarea.value, "text/html").body.textContent || "";
    }
    return textarea.value;
  }

  function teller(textarea) {
    if (textarea._teller) return textarea._teller;
    var id = (textarea.id || "tekst") + "_teller";
    var el = document.createElement("p");
    el.className = "form-text teller";
    el.id = id;
    el.innerHTML = '<span class="teller-stand"></span><span class="visually-hidden" aria-live="polite"></span>';
    var na = textarea.closest(".prose-editor") || textarea;
    na.insertAdjacentElement("afterend", el);
    var beschreven = (textarea.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (beschreven.indexOf(id) < 0) textarea.setAttribute("aria-describedby", beschreven.concat(id).join(" "));
    textarea._teller = el;
    return el;
  }

  function werkBij(textarea) {
    var max = maximum(textarea);
    if (!max) return;
    var el = teller(textarea);
    var over = tekstVan(textarea).length - max;
    el.classList.toggle("teller-over", over > 0);
    var stand = over > 0 ? getal(over) + " tekens te veel (maximaal " + getal(max) + ")" : "Nog " + getal(-over) + " tekens";
    // Only write what changed: every write is a DOM mutation, which the observer below listens to.
    if (el.firstChild.textContent !== stand) el.firstChild.textContent = stand;
    var melding = over > 0 ? "U bent over het maximum van " + getal(max) + " tekens." : "";
    if (el.lastChild.textContent !== melding) el.lastChild.textContent = melding;
    var editor = textarea.closest(".prose-editor") && textarea.closest(".prose-editor").querySelector(".ProseMirror");
    var beschrijving = textarea.getAttribute("aria-describedby");
    if (editor && editor.getAttribute("aria-describedby") !== beschrijving) editor.setAttribute("aria-describedby", beschrijving);
  }

  function alle() {
    document.querySelectorAll("textarea[data-max-tekens], textarea[maxlength]").forEach(werkBij);
  }

  document.addEventListener("input", function (event) {
    var wrapper = event.target.closest && event.target.closest(".prose-editor");
    var textarea = wrapper ? wrapper.querySelector("textarea") : event.target;
    if (textarea && textarea.matches && textarea.matches("textarea[data-max-tekens], textarea[maxlength]")) {
      werkBij(textarea);
    }
  });
  document.addEventListener("DOMContentLoaded", alle);
  document.addEventListener("htmx:afterSwap", alle);
  new MutationObserver(function (mutaties) {
    // The editor appears after load: count its text once it is there.
    if (mutaties.some(function (m) { return m.addedNodes.length; })) {
      document.querySelectorAll(".prose-editor textarea[data-max-tekens]").forEach(werkBij);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
