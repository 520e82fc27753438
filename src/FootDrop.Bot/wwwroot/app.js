// Connects the page to FootDrop.Bot through Direct Line: the bot's own (BuiltIn) or Azure's, as the bot's settings say.
// The browser keeps who the user is (a signed random id from the bot) and the conversation they had, so a reload or a
// restart of the bot picks up where they were; "delete my data" makes it forget both.
(async function () {
  'use strict';
  const status = document.getElementById('status');
  const keptKey = 'footdrop.webchat';
  const lines = {
    busy: 'The chat is busy right now. Please try again in a few minutes. In an emergency, call your local emergency number.',
    failed: 'Sorry, the chat could not start. Please reload the page. In an emergency, call your local emergency number.',
    ended: 'Your earlier chat has ended, so this is a fresh one.'
  };

  // Direct Line's connection states (botframework-directlinejs).
  const online = 2;
  const expiredToken = 3;
  const failedToConnect = 4;
  const ended = 5;

  let config;
  let current = null;
  let forgotten = false;
  let socketsWork = false;

  // Storage can be refused (private modes, some embedded frames): the chat then works as before, without lasting.
  function kept() {
    try {
      return forgotten ? {} : JSON.parse(window.localStorage.getItem(keptKey)) || {};
    } catch (e) {
      return {};
    }
  }

  function keep(values) {
    if (forgotten) {
      return;
    }

    try {
      window.localStorage.setItem(keptKey, JSON.stringify(Object.assign(kept(), values)));
    } catch (e) {
      // Nothing lasts then; the chat itself still works.
    }
  }

  function forget() {
    forgotten = true;
    try {
      window.localStorage.removeItem(keptKey);
    } catch (e) {
      // Nothing was kept.
    }
  }

  // Keeps the conversation's latest token (Web Chat refreshes it every 15 minutes), so a reload can resume it.
  function keepConversation() {
    if (current && current.directLine.conversationId && current.directLine.token) {
      keep({ conversationId: current.directLine.conversationId, token: current.directLine.token });
    }
  }

  // A proxy that cannot carry WebSockets makes every stream fail before it opens: then the page polls instead.
  const NativeWebSocket = window.WebSocket;
  function WatchedWebSocket(url, protocols) {
    const socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    let opened = false;
    socket.addEventListener('open', function () {
      opened = true;
      socketsWork = true;
    });
    socket.addEventListener('close', function () {
      if (!opened && !socketsWork && current && current.webSocket) {
        start({ webSocket: false }).catch(showFailed);
      }
    });
    return socket;
  }

  if (typeof NativeWebSocket === 'function') {
    WatchedWebSocket.prototype = NativeWebSocket.prototype;
    ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (name) {
      WatchedWebSocket[name] = NativeWebSocket[name];
    });
    window.WebSocket = WatchedWebSocket;
  }

  function showFailed() {
    status.textContent = lines.failed;
  }

  async function start(options) {
    const before = kept();
    const tokenResponse = await fetch(config.tokenUrl.replace(/^\//, ''), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        identity: before.identity,
        conversation: before.conversationId ? { conversationId: before.conversationId, token: before.token } : undefined
      })
    });
    if (tokenResponse.status === 429) {
      status.textContent = lines.busy;
      return;
    }

    if (!tokenResponse.ok) {
      throw new Error('token ' + tokenResponse.status);
    }

    const grant = await tokenResponse.json();
    if (current) {
      // The old chat goes first, out of the page and off the network; its last status changes are ignored.
      const previous = current;
      current = null;
      previous.directLine.end();
      previous.element.replaceWith(previous.element.cloneNode(false));
    }

    // A forgotten identity stays forgotten with its chat; a new chat (a new identity after "delete my data") lasts.
    forgotten = false;
    keep({ identity: grant.identity, conversationId: undefined, token: undefined });

    const webSocket = options.webSocket && typeof NativeWebSocket === 'function';
    const directLine = window.WebChat.createDirectLine({
      token: grant.token,
      // Given a conversation, Direct Line reconnects to it and replays its history instead of starting a new one.
      conversationId: grant.resumed ? grant.conversationId : undefined,
      domain: config.directLineDomain || new URL('v3/directline', window.location.href).toString().replace(/\/$/, ''),
      webSocket: webSocket
    });
    const element = document.getElementById('webchat');
    current = { directLine: directLine, element: element, webSocket: webSocket };

    directLine.connectionStatus$.subscribe(function (state) {
      if (!current || current.directLine !== directLine) {
        return;
      }

      if (state === online) {
        keepConversation();
      } else if (state === ended || state === expiredToken) {
        // The conversation went idle and was forgotten, or its token lapsed while the page slept: start afresh.
        start({ webSocket: current.webSocket }).catch(showFailed);
      } else if (state === failedToConnect) {
        showFailed();
      }
    });

    directLine.activity$.subscribe(function (activity) {
      if (activity.type === 'event' && activity.name === 'footdrop.forgetIdentity') {
        forget();
      }
    });

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: grant.userId,
        locale: document.documentElement.lang || 'en-US',
        styleOptions: {
          accent: '#0b5cab',
          botAvatarInitials: 'FD',
          userAvatarInitials: 'You',
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          sendBoxPlaceholder: 'Type your message'
        }
      },
      element
    );

    status.textContent = grant.ended ? lines.ended : '';
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  }

  window.addEventListener('pagehide', keepConversation);
  document.addEventListener('visibilitychange', keepConversation);
  window.setInterval(keepConversation, 60 * 1000);

  try {
    config = await (await fetch('api/webchat/config')).json();
    await start({ webSocket: config.webSocket !== false });
  } catch (error) {
    showFailed();
  }
})();
