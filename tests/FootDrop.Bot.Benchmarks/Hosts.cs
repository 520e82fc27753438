using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
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
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FootDrop.Bot.Benchmarks;

/// <summary>
/// FootDrop.Bot as the application composes it, on Kestrel at 127.0.0.1, with the storage under test (any type of the
/// bot's assembly names its entry point; this program has a Program of its own). It reads the shipped appsettings.json
/// beside the binaries, log levels included, as the released bot does.
/// </summary>
internal sealed class FootDropHost : WebApplicationFactory<FootDrop.Bot.Bot.FootDropBot>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly CountingEmbedder? _counter;

    /// <param name="settings">Configuration on top of the shipped appsettings.json (the storage under test).</param>
    /// <param name="countModelCalls">
    /// Reads the sentence model through a counter, to check which turns run it. Only the script checks do this; the
    /// measured bots are composed exactly as the application composes them.
    /// </param>
    public FootDropHost(Dictionary<string, string?> settings, bool countModelCalls = false)
    {
        _settings = settings;
        _counter = countModelCalls ? new CountingEmbedder(MiniLmSentenceEmbedder.Shared) : null;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>Sentence model calls so far (one per message it read); only with <c>countModelCalls</c>.</summary>
    public long ModelCalls => _counter?.Calls ?? throw new InvalidOperationException("This host does not count model calls.");

    /// <summary>
    /// Waits until the sentence model has loaded in the background: until then the rules read free text alone, which
    /// is not what a free-text row is meant to measure.
    /// </summary>
    public async Task WhenModelReadyAsync()
    {
        await Services.GetRequiredService<SemanticReader>().WhenReady;

        // The start-up warm-up runs the model on a few sentences once it is ready; counting starts after it.
        await Services.GetRequiredService<FootDrop.Bot.Hosting.ContentStartupCheck>().WarmedUp;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production without credentials refuses /api/messages; the benchmark's connector is on loopback, which the
        // private-machine opt-in allows.
        builder.UseSetting("Bot:AllowAnonymous", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_counter is { } counter)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(sp =>
                new SemanticReader(() => counter, SemanticExamples.From(sp.GetRequiredService<RedFlagVocabulary>()), cacheDirectory: null))));
        }
    }

    /// <summary>The shared model, counting the calls that embed a message's clauses.</summary>
    private sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public string ModelId => inner.ModelId;

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Interlocked.Increment(ref _calls);
            return inner.Embed(sentences);
        }
    }
}

/// <summary>
/// The baseline: an echo bot on the stock SDK, configured as the official samples are (02.echo-bot, 43.complex-dialog):
/// <c>AddHttpClient()</c>, <see cref="ConfigurationBotFrameworkAuthentication"/>, a <see cref="CloudAdapter"/> with the
/// samples' turn-error handler, and the same shipped appsettings.json as FootDrop.Bot, so the same log levels. It keeps
/// a turn counter in conversation state on <see cref="MemoryStorage"/>, so it reads and writes state every turn too.
/// The one difference from the samples is a minimal-API endpoint instead of an MVC controller, as FootDrop.Bot has.
/// </summary>
internal sealed class StockEchoHost : IAsyncDisposable
{
    /// <summary>What the samples' turn-error handler tells the user.</summary>
    public const string ErrorReply = "The bot encountered an error or bug.";

    private readonly WebApplication _app;

    private StockEchoHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<StockEchoHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, SampleAdapterWithErrorHandler>();
        builder.Services.AddSingleton<IStorage, MemoryStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(request, response, bot));
        await app.StartAsync();
        return new StockEchoHost(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The samples' adapter: log the exception, tell the user, send a trace for Emulator.</summary>
    private sealed class SampleAdapterWithErrorHandler : CloudAdapter
    {
        public SampleAdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<IBotFrameworkHttpAdapter> logger)
            : base(authentication, logger)
        {
            OnTurnError = async (turnContext, exception) =>
            {
                logger.LogError(exception, "[OnTurnError] unhandled error: {Message}", exception.Message);
                await turnContext.SendActivityAsync(ErrorReply);
                await turnContext.SendActivityAsync(turnContext.Activity.CreateTrace("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError"));
            };
        }
    }

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
/// A fast connector service on 127.0.0.1 that keeps the text of the message replies it receives, per replied-to
/// activity, for the load driver to check. It is one terminal middleware that reads only the activity's top-level
/// "type" and "text" (no routing, no object model), so under normal delivery the figures are the bot's, not this
/// stand-in channel's.
/// </summary>
internal sealed class CountingConnector : IAsyncDisposable
{
    private const string ConversationsPath = "/v3/conversations/";
    private const string ActivitiesSegment = "/activities/";
    private static readonly byte[] s_resourceResponse = "{\"id\":\"1\"}"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<string>> _textReplies = new(StringComparer.Ordinal);
    private long _posts;

    private CountingConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every activity posted to the connector so far (text replies, traces, typing, cards, proactive messages).</summary>
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

    /// <summary>The texts of the message replies the connector received for an activity, and forgets them.</summary>
    public IReadOnlyList<string> TakeReplies(string activityId)
        => _textReplies.TryRemove(activityId, out var texts) ? texts : [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // POST /v3/conversations/{conversationId}/activities/{replyToId}; a proactive message has no replyToId.
    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method) || !path.StartsWith(ConversationsPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Interlocked.Increment(ref _posts);
        var replyTo = path.IndexOf(ActivitiesSegment, ConversationsPath.Length, StringComparison.Ordinal);
        if (replyTo > 0 && MessageText(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } text)
        {
            var texts = _textReplies.GetOrAdd(path[(replyTo + ActivitiesSegment.Length)..], _ => []);
            lock (texts)
            {
                texts.Add(text);
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(s_resourceResponse);
    }

    /// <summary>The text of a message activity; null for any other activity or a message without text.</summary>
    private static string? MessageText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? type = null, text = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isText = !isType && reader.ValueTextEquals("text"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (isText && reader.TokenType == JsonTokenType.String)
                {
                    text = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return type == "message" ? text : null;
    }
}
