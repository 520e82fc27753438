using System.Collections.Concurrent;
using System.Globalization;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Tests.Adapters;

/// <summary>
/// What the channel adapter hands each turn, over the real protocol: the connector client is reused from turn to turn,
/// the user token client is there for any turn that needs it but is only built by a turn that uses it, and the turn's
/// culture is the process's shared one for its locale.
/// </summary>
public sealed class TurnClientsTests : IAsyncLifetime
{
    private readonly ClientProbeBot _probe = new();
    private FakeConnector _connector = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _app = new BotApp(services: services => services.AddTurnSafeBot<ClientProbeBot>().AddSingleton(_probe));
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Two_turns_reply_through_the_same_connector_client()
    {
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-reuse-1", "one"));
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-reuse-2", "two"));

        await _connector.WaitForAsync(2);
        Assert.Equal(2, _probe.ConnectorClients.Count);
        Assert.Single(_probe.ConnectorClients.Select(c => c.Conversations).Distinct());
    }

    [Fact]
    public async Task Two_turns_in_one_locale_run_on_the_same_shared_culture_of_that_locale()
    {
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-culture-1", "one"));
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-culture-2", "two"));

        await _connector.WaitForAsync(2);
        var cultures = _probe.Cultures.ToList();
        Assert.Equal(2, cultures.Count);
        Assert.Same(cultures[0], cultures[1]);
        Assert.Equal("en-US", cultures[0].Name);
        Assert.True(cultures[0].IsReadOnly);
    }

    [Fact]
    public async Task A_turn_that_signs_nobody_in_builds_no_user_token_client()
    {
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-token-unused", "hello"));

        await _connector.WaitForAsync(1);
        var offered = Assert.Single(_probe.UserTokenClients);
        Assert.False(Assert.IsType<FootDrop.Bot.Adapters.LazyUserTokenClient>(offered).IsCreated);
    }

    [Fact]
    public async Task A_turn_that_uses_the_user_token_client_gets_the_sdk_one_built_for_it()
    {
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-token-used", ClientProbeBot.UseTokenClient));

        var replies = await _connector.WaitForAsync(1);
        var offered = Assert.Single(_probe.UserTokenClients);
        Assert.True(Assert.IsType<FootDrop.Bot.Adapters.LazyUserTokenClient>(offered).IsCreated);

        // The SDK's client, not the lazy wrapper, checks the arguments: its refusal shows the call reached it.
        Assert.Equal("token client: " + nameof(ArgumentNullException), replies[0].Text);
    }
}

/// <summary>Records the clients of each turn and replies; "use the token client" calls the user token client.</summary>
public sealed class ClientProbeBot : IBot
{
    public const string UseTokenClient = "use the token client";

    private readonly ConcurrentQueue<IConnectorClient> _connectorClients = new();
    private readonly ConcurrentQueue<UserTokenClient> _userTokenClients = new();
    private readonly ConcurrentQueue<CultureInfo> _cultures = new();

    public IReadOnlyCollection<IConnectorClient> ConnectorClients => _connectorClients;

    public IReadOnlyCollection<UserTokenClient> UserTokenClients => _userTokenClients;

    public IReadOnlyCollection<CultureInfo> Cultures => _cultures;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        _connectorClients.Enqueue(turnContext.TurnState.Get<IConnectorClient>());
        _cultures.Enqueue(CultureInfo.CurrentCulture);
        var tokens = turnContext.TurnState.Get<UserTokenClient>();
        _userTokenClients.Enqueue(tokens);

        var text = "ok";
        if (turnContext.Activity.Text == UseTokenClient)
        {
            try
            {
                // No connection name: the SDK's client refuses before it would call the token service.
                await tokens.GetUserTokenAsync(turnContext.Activity.From.Id, null!, turnContext.Activity.ChannelId, null!, cancellationToken);
                text = "token client: answered";
            }
            catch (Exception exception)
            {
                text = "token client: " + exception.GetType().Name;
            }
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }
}
