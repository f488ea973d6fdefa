// The rich-text editor (django-prose-editor) builds its editable area and toolbar after page load:
// the area has no name of its own and the toolbar speaks English. Give the area its textarea's label,
// help text and error (WCAG 4.1.2), and the toolbar buttons Dutch names (WCAG 3.1.2). Admin and site alike.
(function () {
  "use strict";

  var KNOPPEN = {
    bold: "Vet",
    italic: "Cursief",
    "unordered list": "Lijst met opsommingstekens",
    "ordered list": "Genummerde lijst",
    "List properties": "Lijsteigenschappen",
    "insert link": "Link invoegen",
    "remove link": "Link verwijderen",
    undo: "Ongedaan maken",
    redo: "Opnieuw",
  };

  function nameEditor(editor) {
    if (editor.dataset.benoemd) return;
    var textarea = editor.closest(".prose-editor") && editor.closest(".prose-editor").querySelector("textarea");
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

  function nameButton(button) {
    var nl = KNOPPEN[button.getAttribute("title")];
    if (!nl) return;
    button.setAttribute("title", nl);
    button.setAttribute("aria-label", nl);
  }

  function scan() {
    document.querySelectorAll(".prose-editor .ProseMirror").forEach(nameEditor);
    document.querySelectorAll(".prose-menubar__button[title]").forEach(nameButton);
  }

  new MutationObserver(scan).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["title"],
  });
  document.addEventListener("DOMContentLoaded", scan);
})();
