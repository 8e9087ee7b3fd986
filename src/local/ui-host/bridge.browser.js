// The Custom UI bridge as the local runtime's host provides it: Forge's host page injects
// `window.__bridge.callBridge` into each Custom UI iframe, and the unmodified @forge/bridge calls it.
// Here `invoke` goes to the local server's resolver endpoint, `getContext` answers the frame's
// context, and the frame reports its height so the host can size it (Forge uses iframe-resizer).
/* global window, document, fetch, ResizeObserver */
(function installBridge(config) {
  'use strict';
  var handlers = {
    invoke: function (payload) {
      return fetch('/__local/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          as: config.accountId,
          functionKey: payload.functionKey,
          payload: payload.payload === undefined ? {} : payload.payload,
        }),
      }).then(function (response) {
        if (!response.ok && response.status !== 200)
          throw new Error('invoke failed: HTTP ' + response.status);
        return response.json();
      });
    },
    getContext: function () {
      return Promise.resolve(config.context);
    },
    enableTheming: function () {
      return Promise.resolve();
    },
    navigate: function (location) {
      var url = typeof location.url === 'string' ? location.url : '';
      if (location.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.top.location.assign(url);
      return Promise.resolve();
    },
    getUrl: function (location) {
      return Promise.resolve(
        new URL(typeof location === 'string' ? location : location.url, window.location.origin),
      );
    },
    reload: function () {
      window.location.reload();
      return Promise.resolve();
    },
  };
  window.__bridge = {
    callBridge: function (command, payload) {
      var handler = handlers[command];
      if (!handler)
        return Promise.reject(new Error('local runtime: bridge command not emulated: ' + command));
      return handler(payload);
    },
  };
  function report() {
    window.parent.postMessage(
      { runbookguardFrame: config.frameId, height: document.documentElement.scrollHeight },
      window.location.origin,
    );
  }
  window.addEventListener('load', function () {
    new ResizeObserver(report).observe(document.documentElement);
    report();
  });
})(window.__RG_LOCAL__);
