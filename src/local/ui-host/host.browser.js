// The local host page's own behaviour (Confluence's role): sizes Custom UI frames to the height they
// report, switches the signed-in local user, and opens the byline item's dialog.
/* global window, document */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data || !event.data.runbookguardFrame) return;
    var frame = document.getElementById(event.data.runbookguardFrame);
    if (frame && frame.dataset.autosize === 'true')
      frame.style.height = Math.max(48, event.data.height) + 'px';
  });
  var who = document.getElementById('as');
  if (who)
    who.addEventListener('change', function () {
      var url = new URL(window.location.href);
      url.searchParams.set('as', who.value);
      window.location.assign(url.toString());
    });
  var badge = document.getElementById('byline-toggle');
  var dialog = document.getElementById('byline-dialog');
  if (badge && dialog) {
    badge.addEventListener('click', function () {
      var open = dialog.hidden;
      // Like Confluence, the byline item's frame loads when its dialog first opens, not with the page.
      var frame = document.getElementById('frame-byline');
      if (open && frame && !frame.getAttribute('src')) frame.setAttribute('src', frame.dataset.src);
      dialog.hidden = !open;
      badge.setAttribute('aria-expanded', String(open));
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !dialog.hidden) {
        dialog.hidden = true;
        badge.setAttribute('aria-expanded', 'false');
        badge.focus();
      }
    });
  }
})();
