// Crosscheck's only script. Every page works without it; it adds:
//  - on an article page, "new claim from selection" with the selection's exact offsets into the stored text;
//  - on the claim form, a live preview of the interval a typed figure will be stored as;
//  - on the claims table, a "select all" box for bulk confirm/reject;
//  - keyboard shortcuts: any element with data-key="x" is clicked when x is pressed (review queue: j k c e r);
//  - on narrow screens, the navigation behind a Menu button, and table cells labelled with their column for the
//    card layout (without the script the links wrap and cards go unlabelled).
'use strict';

(function () {
  /** Offsets of a range inside the article container, counted in the stored text's UTF-16 units. */
  function selectionOffsets(container, range) {
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    // Range.toString() concatenates the text nodes exactly (no CSS-dependent whitespace, unlike innerText),
    // and the page renders the stored text verbatim, so lengths here are offsets in the stored text.
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    const text = range.toString();
    let end = start + text.length;
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    start += lead;
    end -= trail;
    if (end <= start) return null;
    return { start: start, end: end, text: text.slice(lead, text.length - trail) };
  }

  function setUpSelectionClaims() {
    const body = document.getElementById('article-body');
    const form = document.getElementById('selection-claim');
    if (!body || !form) return;
    const update = function () {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const offsets = selectionOffsets(body, selection.getRangeAt(0));
      if (!offsets) return;
      form.elements.namedItem('start').value = String(offsets.start);
      form.elements.namedItem('end').value = String(offsets.end);
      form.querySelector('.selection-text').textContent = offsets.text.length > 300 ? offsets.text.slice(0, 300) + '…' : offsets.text;
      form.hidden = false;
    };
    document.addEventListener('selectionchange', update);
    body.addEventListener('mouseup', update);
    body.addEventListener('keyup', update);
  }

  function setUpFigurePreview() {
    const output = document.getElementById('figure-preview');
    const input = document.getElementById('field-valueText');
    const kind = document.getElementById('field-kind');
    if (!output || !input || !output.dataset.previewUrl) return;
    let timer = null;
    let latest = 0;
    // Editing a claim: while its figure text and kind are unchanged, the stored interval stands (the server
    // keeps it), so the page shows what it first rendered rather than a fresh parse without context.
    const storedPreview = output.dataset.storedText !== undefined ? Array.from(output.childNodes).map(function (n) { return n.cloneNode(true); }) : null;
    const isStored = function () {
      return storedPreview !== null && input.value.trim() === output.dataset.storedText.trim() && (!kind || kind.value === output.dataset.storedKind);
    };
    const show = function (data) {
      output.textContent = '';
      const preview = data.preview;
      if (!preview) {
        output.textContent = 'Type a figure to see the interval that will be stored.';
      } else if (preview.ok) {
        const strong = document.createElement('strong');
        strong.className = 'interval';
        strong.textContent = preview.interval;
        output.append('Stored as ', strong, ' (' + preview.qualifier.replace('-', ' ') + ')');
      } else {
        const span = document.createElement('span');
        span.className = 'preview-error';
        span.textContent = preview.error;
        output.append(span);
      }
    };
    const refresh = function () {
      const request = ++latest;
      if (isStored()) {
        output.replaceChildren.apply(output, storedPreview.map(function (n) { return n.cloneNode(true); }));
        return;
      }
      const url = new URL(output.dataset.previewUrl, window.location.href);
      url.searchParams.set('text', input.value);
      if (kind) url.searchParams.set('kind', kind.value);
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && request === latest) show(data); })
        .catch(function () { /* the server-side preview button still works */ });
    };
    const schedule = function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    };
    input.addEventListener('input', schedule);
    if (kind) kind.addEventListener('change', refresh);
  }

  function setUpSelectAll() {
    const all = document.getElementById('select-all');
    if (!all) return;
    const boxes = function () { return Array.from(document.querySelectorAll('input[type="checkbox"][name="ids"]')); };
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes().forEach(function (box) { box.checked = all.checked; });
    });
  }

  function setUpShortcuts() {
    if (!document.querySelector('[data-key]')) return;
    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const element = document.querySelector('[data-key="' + CSS.escape(event.key) + '"]');
      if (!element) return;
      event.preventDefault();
      element.click();
    });
  }

  function setUpNavigation() {
    const nav = document.querySelector('.site-header nav');
    const toggle = nav ? nav.querySelector('.nav-toggle') : null;
    if (!nav || !toggle) return;
    nav.classList.add('js-nav');
    toggle.addEventListener('click', function () {
      const open = nav.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  /** Each body cell gets its column's heading as data-label, which the narrow-screen card layout prints before it. */
  function labelTableCells() {
    document.querySelectorAll('main table').forEach(function (table) {
      const headings = Array.from(table.querySelectorAll('thead th')).map(function (th) { return th.textContent.trim(); });
      if (headings.length === 0) return;
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.from(row.children).forEach(function (cell, index) {
          if (!cell.hasAttribute('data-label') && headings[index]) cell.setAttribute('data-label', headings[index]);
        });
      });
    });
  }

  setUpNavigation();
  labelTableCells();
  setUpSelectionClaims();
  setUpFigurePreview();
  setUpSelectAll();
  setUpShortcuts();
})();

// ── Fact sheet builder (fact-sheet engineer): the preview follows the choices. The form is a GET, so submitting it
// on change only reloads the page with the new query; without this script the Preview button does the same.
(function () {
  'use strict';
  const form = document.getElementById('factsheet-builder');
  if (!form) return;
  form.addEventListener('change', function (event) {
    // Typing a subject name is finished with Enter or the button, not on every change of focus.
    if (event.target && event.target.tagName === 'INPUT' && event.target.type === 'text') return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  });
})();

// ── Claims table (cross-check engineer): Enter in the "flag as conflicting" note must flag, not confirm. The
// note sits in the bulk form, whose first button (Confirm) is what the browser would press by default.
(function () {
  'use strict';
  const note = document.getElementById('flag-note');
  const button = note && note.form ? note.form.querySelector('button[formaction]') : null;
  if (!note || !button) return;
  note.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    button.click();
  });
})();
