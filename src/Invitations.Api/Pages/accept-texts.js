/*
 * A link page's words (the acceptance page's, the join page's), in one language at a time. The server puts the texts of
 * the browser's language into the page (#texts); the page switches to another language with use(), which fetches that
 * language's texts from the address #texts names (data-url, then the language). A {name} in a text is a fact from the
 * invitation or the link, filled in by fill().
 */
(function () {
  'use strict';

  const source = document.getElementById('texts');
  const TEXTS_URL = source.dataset.url;
  let current = JSON.parse(source.textContent);
  const facts = {};

  function text(key, values) {
    const template = current.texts[key] || '';
    return values ? template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole)) : template;
  }

  // Facts read as emphasis inside a paragraph, and as plain words in headings, buttons and lists.
  function render(el, template) {
    const tag = el.tagName === 'P' ? 'strong' : 'span';
    el.textContent = '';
    template.split(/\{(\w+)\}/).forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) el.appendChild(document.createTextNode(part));
        return;
      }
      const slot = document.createElement(tag);
      slot.dataset.f = part;
      if (part in facts) slot.textContent = facts[part];
      el.appendChild(slot);
    });
  }

  function apply() {
    document.documentElement.lang = current.language;
    document.title = text('page_title');
    for (const el of document.querySelectorAll('[data-t]')) render(el, text(el.dataset.t));
  }

  function fill(name, value) {
    if (value === undefined || value === null || value === '') return;
    facts[name] = String(value);
    for (const el of document.querySelectorAll('[data-f="' + name + '"]')) el.textContent = facts[name];
  }

  // The invitation's language; if its texts can't be had, the page stays in the one it has.
  async function use(language) {
    if (!language || language === current.language) return;
    try {
      const response = await fetch(TEXTS_URL + encodeURIComponent(language), { credentials: 'omit', cache: 'no-store' });
      if (response.ok) {
        current = await response.json();
        apply();
      }
    } catch (_) { /* keep the current language */ }
  }

  function role(name) {
    const known = text('role_' + name);
    if (known) return known;
    const words = String(name || '').replace(/[_-]+/g, ' ').trim().toLowerCase();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
  }

  apply();
  window.acceptTexts = { text, fill, use, role, language: () => current.language };
})();
