using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FootDrop.Bot.Benchmarks;

/// <summary>
/// FootDrop.Bot as the application composes it, on Kestrel at 127.0.0.1, with the storage under test (any type of the
/// bot's assembly names its entry point; this program has a Program of its own).
/// </summary>
internal sealed class FootDropHost : WebApplicationFactory<FootDrop.Bot.Bot.FootDropBot>
{
    private readonly Dictionary<string, string?> _settings;

    public FootDropHost(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Production without credentials refuses /api/messages; the benchmark's connector is on loopback, which the
        // private-machine opt-in allows.
        builder.UseSetting("Bot:AllowAnonymous", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The baseline: a bare echo bot on the stock SDK's CloudAdapter with MemoryStorage, same host settings.</summary>
internal sealed class StockEchoHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StockEchoHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<StockEchoHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddSingleton<IStorage, MemoryStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(request, response, bot));
        await app.StartAsync();
        return new StockEchoHost(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class EchoBot(ConversationState state) : ActivityHandler
    {
        public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }

        protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var turns = state.CreateProperty<int>("turns");
            await turns.SetAsync(turnContext, await turns.GetAsync(turnContext, () => 0, cancellationToken) + 1, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + turnContext.Activity.Text), cancellationToken);
        }

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
            => turnContext.SendActivityAsync(MessageFactory.Text("Hello"), cancellationToken);
    }
}

/// <summary>
/// A fast connector service on 127.0.0.1 that counts the text replies it receives per replied-to activity. It is one
/// terminal middleware (no routing, no JSON parsing), so under normal delivery the figures are the bot's, not this
/// stand-in channel's.
/// </summary>
internal sealed class CountingConnector : IAsyncDisposable
{
    private const string ActivitiesPath = "/v3/conversations/";
    private static readonly byte[] s_messageType = "\"type\":\"message\""u8.ToArray();
    private static readonly byte[] s_text = "\"text\""u8.ToArray();
    private static readonly byte[] s_resourceResponse = "{\"id\":\"1\"}"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _textReplies = new(StringComparer.Ordinal);
    private long _posts;

    private CountingConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every activity posted to the connector so far (text replies, traces, typing, cards).</summary>
    public long Posts => Interlocked.Read(ref _posts);

    public static async Task<CountingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new CountingConnector(app);
        app.Run(connector.ReceiveAsync);
        await app.StartAsync();
        connector.ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return connector;
    }

    /// <summary>The text replies the connector received for an activity, and forgets them.</summary>
    public int TakeReplies(string activityId) => _textReplies.TryRemove(activityId, out var n) ? n : 0;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // POST /v3/conversations/{conversationId}/activities/{replyToId}
    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method) || !path.StartsWith(ActivitiesPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Interlocked.Increment(ref _posts);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        var slash = path.LastIndexOf('/');
        if (slash > ActivitiesPath.Length && bytes.IndexOf(s_messageType) >= 0 && bytes.IndexOf(s_text) >= 0)
        {
            _textReplies.AddOrUpdate(path[(slash + 1)..], 1, (_, n) => n + 1);
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(s_resourceResponse);
    }
}
