using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// A small Bot Framework connector service on 127.0.0.1 (what Emulator, Direct Line and Teams run): it receives the
/// activities the bot posts back and records them for the test.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Activity> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _requests;

    private FakeConnector(WebApplication app)
    {
        _app = app;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    public IReadOnlyCollection<Activity> Received => _received;

    /// <summary>Every request that reached the listener, on any path and with any method.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref connector._requests);
            return next(context);
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", connector.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.ReceiveAsync);
        await app.StartAsync();
        connector.ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return connector;
    }

    /// <summary>Waits until <paramref name="count"/> activities of the given type have arrived, or fails after a while.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(int count, string type = ActivityTypes.Message, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var matching = _received.Where(a => a.Type == type).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} {type} activities at the connector, got {matching.Count}.");
            }

            await _arrived.WaitAsync(left);
        }
    }

    public void Clear()
    {
        while (_received.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync());
        if (activity is null)
        {
            return Results.BadRequest();
        }

        _received.Enqueue(activity);
        _arrived.Release();
        return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
    }
}
