// The public portal's small helpers. Every page works without them; they only make it friendlier:
// a live character counter, the place picker narrowing its lists, early hints on ID card numbers and
// file sizes, one-click-only submission and a print button. Loaded as a file (CSP: script-src 'self').
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }

  // Characters as people count them: a rare character outside the BMP is one, not two.
  function length(text) { return Array.from(text).length; }

  function counters() {
    document.querySelectorAll('[data-counter-for]').forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute('data-counter-for'));
      if (!field) { return; }
      var max = parseInt(counter.getAttribute('data-max'), 10);
      // screen readers hear the count once typing pauses, not on every key
      var live = document.createElement('span');
      live.className = 'visually-hidden';
      live.setAttribute('aria-live', 'polite');
      counter.parentNode.insertBefore(live, counter.nextSibling);
      var timer = null;
      function update() {
        var n = length(field.value);
        counter.textContent = n > max
          ? fill(counter.getAttribute('data-over'), { over: n - max })
          : fill(counter.getAttribute('data-template'), { n: n, left: max - n });
        counter.classList.toggle('over', n > max);
      }
      field.addEventListener('input', function () {
        update();
        clearTimeout(timer);
        timer = setTimeout(function () { live.textContent = counter.textContent; }, 1000);
      });
      update();
    });
  }

  // District → township → community: each list shows only the places inside the one chosen above.
  function placePicker() {
    document.querySelectorAll('select[data-place-parent]').forEach(function (parent) {
      var child = document.getElementById(parent.getAttribute('data-place-parent'));
      if (!child) { return; }
      var groups = Array.from(child.querySelectorAll('optgroup')).map(function (g) { return g.cloneNode(true); });
      function narrow() {
        var chosen = child.value;
        child.querySelectorAll('optgroup').forEach(function (g) { g.remove(); });
        groups.forEach(function (g) {
          if (g.getAttribute('data-parent') === parent.value) {
            var copy = g.cloneNode(true);
            child.appendChild(copy);
          }
        });
        child.value = Array.from(child.options).some(function (o) { return o.value === chosen; }) ? chosen : '';
        child.disabled = child.options.length <= 1;
        child.dispatchEvent(new Event('change'));
      }
      parent.addEventListener('change', narrow);
      narrow();
    });
  }

  // GB 11643 check character, so a mistyped digit is noticed before the form is sent.
  function idCardHint() {
    document.querySelectorAll('input[data-idcard]').forEach(function (input) {
      var note = document.createElement('p');
      note.className = 'field-error';
      note.id = input.id + '-check';
      note.setAttribute('aria-live', 'polite');
      note.hidden = true;
      input.parentNode.insertBefore(note, input);
      input.addEventListener('blur', function () {
        var v = input.value.trim().toUpperCase();
        var bad = false;
        if (/^\d{17}[\dX]$/.test(v)) {
          var w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], sum = 0;
          for (var i = 0; i < 17; i++) { sum += parseInt(v.charAt(i), 10) * w[i]; }
          bad = '10X98765432'.charAt(sum % 11) !== v.charAt(17);
        }
        note.textContent = bad ? input.getAttribute('data-idcard-message') : '';
        note.hidden = !bad;
      });
    });
  }

  function fileCheck() {
    document.querySelectorAll('input[type=file][data-max-count]').forEach(function (input) {
      var note = document.getElementById('files-check');
      input.addEventListener('change', function () {
        var files = Array.from(input.files), problems = [], total = 0, mb = 1024 * 1024;
        var maxCount = +input.getAttribute('data-max-count'), maxFile = +input.getAttribute('data-max-file-mb');
        var maxTotal = +input.getAttribute('data-max-total-mb');
        if (files.length > maxCount) { problems.push(input.getAttribute('data-too-many')); }
        files.forEach(function (f) {
          total += f.size;
          if (f.size > maxFile * mb) { problems.push(fill(input.getAttribute('data-too-large'), { name: f.name })); }
        });
        if (total > maxTotal * mb) { problems.push(input.getAttribute('data-total')); }
        if (note) { note.textContent = problems.join(' '); note.hidden = problems.length === 0; }
        input.setCustomValidity(problems.join(' '));
      });
      // files the server would refuse anyway are not uploaded first (the form is novalidate)
      input.form.addEventListener('submit', function (e) {
        if (input.validationMessage) { e.preventDefault(); input.focus(); }
      });
    });
  }

  function submitOnce() {
    document.querySelectorAll('button[data-once]').forEach(function (button) {
      var form = button.form;
      form.addEventListener('submit', function (e) {
        if (form.dataset.sent) { e.preventDefault(); return; }
        form.dataset.sent = '1';
        button.setAttribute('aria-disabled', 'true');
        button.textContent = button.getAttribute('data-busy');
      });
    });
  }

  function printButtons() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function focusErrors() {
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
  }

  ready(function () {
    counters();
    placePicker();
    idCardHint();
    fileCheck();
    submitOnce();
    printButtons();
    focusErrors();
  });
}());
