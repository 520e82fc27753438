using FootDrop.Bot.Tests.Infrastructure;

namespace FootDrop.Bot.Tests.Http;

/// <summary>With the default SQLite storage, a conversation survives the bot being stopped and started again.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "footdrop-restart-" + Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is best-effort clean-up.
        }
    }

    [Fact]
    public async Task A_conversation_in_the_middle_of_an_exercise_continues_after_a_restart()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = _dataDirectory };
        const string conversation = "conv-restart";

        using (var first = new BotApp(settings))
        {
            foreach (var text in new[] { "calf stretch", "left", "no", "no", "slowly over months", "no", "no", "no", "no", "no", "next" })
            {
                await first.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, text, "user-restart"));
            }

            Assert.StartsWith("Getting ready (2 of 3)", _connector.Received.Last().Text);
        }

        _connector.Clear();
        using var second = new BotApp(settings);
        await second.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, "next", "user-restart"));

        var replies = await _connector.WaitForAsync(1);
        Assert.StartsWith("Getting ready (3 of 3): Keep the heel", replies[0].Text);
    }
}
