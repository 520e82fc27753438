// Connects the page to FootDrop.Bot through Direct Line: the bot's own (BuiltIn) or Azure's, as the bot's settings say.
(async function () {
  'use strict';
  const status = document.getElementById('status');

  try {
    const config = await (await fetch('api/webchat/config')).json();
    const tokenResponse = await fetch(config.tokenUrl.replace(/^\//, ''), { method: 'POST' });
    if (tokenResponse.status === 429) {
      status.textContent = 'The chat is busy right now. Please try again in a few minutes. In an emergency, call your local emergency number.';
      return;
    }

    if (!tokenResponse.ok) {
      throw new Error('token ' + tokenResponse.status);
    }

    const grant = await tokenResponse.json();
    const directLine = window.WebChat.createDirectLine({
      token: grant.token,
      domain: config.directLineDomain || new URL('v3/directline', window.location.href).toString().replace(/\/$/, ''),
      webSocket: false
    });

    window.WebChat.renderWebChat(
      {
        directLine,
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
      document.getElementById('webchat')
    );

    status.textContent = '';
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  } catch (error) {
    status.textContent = 'Sorry, the chat could not start. Please reload the page. In an emergency, call your local emergency number.';
  }
})();
