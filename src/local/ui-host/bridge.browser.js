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
      var url = hostUrl(location);
      if (url === null) return Promise.reject(new Error('local runtime: navigation target not emulated'));
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
  // Forge's navigation targets as Confluence resolves them, on the local host's routes; the signed-in
  // user and the theme carry over.
  function hostUrl(location) {
    var url = null;
    if (typeof location.url === 'string') url = location.url;
    else if (location.target === 'contentView')
      url = '/wiki/pages/viewpage.action?pageId=' + encodeURIComponent(location.contentId);
    else if (location.target === 'module' && config.moduleRoutes[location.moduleKey])
      url = config.moduleRoutes[location.moduleKey].replace(
        '{spaceKey}',
        encodeURIComponent(location.spaceKey || ''),
      );
    if (url === null) return null;
    var next = new URL(url, window.location.origin);
    if (next.origin === window.location.origin) {
      next.searchParams.set('as', config.accountId);
      next.searchParams.set('theme', config.context.theme.colorMode);
    }
    return next.toString();
  }
  window.__bridge = {
    callBridge: function (command, payload) {
      var handler = handlers[command];
      if (!handler)
        return Promise.reject(new Error('local runtime: bridge command not emulated: ' + command));
      return handler(payload);
    },
  };
  // The content's height, not the document's: Atlaskit's css-reset makes html and body 100% high,
  // so their size follows the frame and never the content (Forge's iframe-resizer measures content).
  function contentHeight() {
    var bottom = 0;
    for (var i = 0; i < document.body.children.length; i++)
      bottom = Math.max(bottom, document.body.children[i].getBoundingClientRect().bottom + window.scrollY);
    return Math.ceil(bottom);
  }
  function report() {
    window.parent.postMessage(
      { runbookguardFrame: config.frameId, height: contentHeight() },
      window.location.origin,
    );
  }
  window.addEventListener('load', function () {
    var observer = new ResizeObserver(report);
    observer.observe(document.documentElement);
    for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]);
    report();
  });
})(window.__RG_LOCAL__);
