// Supervision pages: the print button of the bulletin (no inline handlers: the CSP allows scripts from 'self' only).
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});
