// Gives select2's boxes (the admin's autocomplete fields) the name of their field (WCAG 4.1.2): they appear
// after page load without one. The rich-text editor is named by editor-toegankelijk.js.
(function () {
  "use strict";

  function labelFor(id) {
    return id ? document.querySelector('label[for="' + id + '"]') : null;
  }

  function labelText(label) {
    return label ? label.textContent.replace(/[:*\s]+$/, "").trim() : "";
  }

  function selectOf(element) {
    const select = element.closest(".select2-container")?.previousElementSibling;
    return select?.tagName === "SELECT" ? select : null;
  }

  function nameSearch(search) {
    const label = labelFor(selectOf(search)?.id);
    if (label && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", labelText(label) + " zoeken");
  }

  function nameSingleSelect(selection) {
    // select2 names its combobox by the chosen value only (empty when nothing is chosen) and marks that
    // value as a nameless "textbox": name it by the field's label followed by the value instead.
    const label = labelFor(selectOf(selection)?.id);
    const rendered = selection.querySelector(".select2-selection__rendered");
    if (!label || !rendered) return;
    label.id ||= "label-" + label.htmlFor;
    rendered.removeAttribute("role");
    rendered.removeAttribute("aria-readonly");
    selection.setAttribute("aria-labelledby", label.id + " " + rendered.id);
  }

  const handlers = [
    [".select2-search__field", nameSearch],
    [".select2-selection--single", nameSingleSelect],
  ];

  function scan(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const [selector, handler] of handlers) {
      if (node.matches(selector)) handler(node);
      node.querySelectorAll(selector).forEach(handler);
    }
  }

  new MutationObserver(function (mutations) {
    for (const mutation of mutations) mutation.addedNodes.forEach(scan);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
