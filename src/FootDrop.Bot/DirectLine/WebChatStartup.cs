using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// Before the first request: creates the built-in Direct Line's tables beside the bot state, and loads the signing
/// keys: from <see cref="WebChatOptions.TokenSigningKey"/>, or the one kept in the store, made by whichever instance
/// started first. Runs after the storage check (registered later), so a database that cannot be reached is named there.
/// </summary>
internal sealed partial class WebChatStartup(
    IDirectLineStore store,
    WebChatKeys keys,
    IOptions<WebChatOptions> options,
    ILogger<WebChatStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var configured = options.Value.TokenSigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            keys.Load(System.Text.Encoding.UTF8.GetBytes(configured.Trim()));
            return;
        }

        keys.Load(await store.GetOrCreateSigningKeyAsync(cancellationToken));
        if (store is not MemoryDirectLineStore)
        {
            LogKeptKey(logger);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "WebChat:TokenSigningKey is not set: web chat tokens are signed with a key kept in the database, shared by every instance on it")]
    private static partial void LogKeptKey(ILogger logger);
}
