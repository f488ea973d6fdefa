// The rich-text editor replaces each textarea with an editable area that has no name of its own.
// Give it the textarea's label, help text and error, so screen readers announce the field (WCAG 4.1.2).
(function () {
  "use strict";

  function name(editor) {
    if (editor.dataset.benoemd) return;
    var wrapper = editor.closest("[id^='div_id_']");
    var textarea = wrapper && wrapper.querySelector("textarea");
    var label = textarea && textarea.labels && textarea.labels[0];
    if (!label) return;
    if (!label.id) label.id = textarea.id + "_label";
    editor.setAttribute("aria-labelledby", label.id);
    editor.setAttribute("aria-multiline", "true");
    ["aria-describedby", "aria-invalid"].forEach(function (attr) {
      if (textarea.hasAttribute(attr)) editor.setAttribute(attr, textarea.getAttribute(attr));
    });
    editor.dataset.benoemd = "ja";
  }

  function scan() {
    document.querySelectorAll(".prose-editor .ProseMirror").forEach(name);
  }

  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", scan);
})();
