using System.Net;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>The real app on 127.0.0.1 with SQLite state and a counting bot behind /api/messages: turn safety as wired in the host.</summary>
public sealed class TurnSafetyOverHttpTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private FakeConnector _connector = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _app = StartApp();
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Twenty_expectReplies_messages_at_once_each_get_their_own_count_in_the_response()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-http", $"message {i}").ExpectingReplies())));

        var counts = new List<int>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
            var reply = Assert.Single(replies, a => a.Value<string>("type") == ActivityTypes.Message);
            counts.Add(CounterBot.CountIn(reply.ToObject<Activity>()!));
        }

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
    }

    [Fact]
    public async Task An_invoke_is_answered_with_the_invoke_response_of_its_turn()
    {
        var invoke = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-invoke", string.Empty);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "test/count";
        invoke.Value = new JObject();

        var response = await _app.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JObject.Parse(await response.Content.ReadAsStringAsync()).Value<int>("count"));
    }

    [Fact]
    public async Task State_kept_in_the_data_folder_carries_over_a_restart()
    {
        await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-restart", "one").ExpectingReplies());
        _app.Dispose();
        _app = StartApp();

        var response = await _app.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-restart", "two").ExpectingReplies());

        var replies = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        Assert.Equal("count 2", Assert.Single(replies, a => a.Value<string>("type") == ActivityTypes.Message).Value<string>("text"));
    }

    private BotApp StartApp() => new(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data.Path,
        },
        services => services.AddTurnSafeBot<CounterBot>());
}
