using System.Net;
using FootDrop.Bot.Adapters;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace FootDrop.Bot.Tests.Adapters;

/// <summary>
/// One turn-error policy on both adapters: after a storage outage the user keeps their place in the symptom check;
/// when the saved conversation cannot be read any more, it is cleared and the next message starts afresh.
/// </summary>
public sealed class TurnErrorPolicyTests : IAsyncLifetime
{
    private const string Trouble = "something went wrong on my side";
    private readonly TempDirectory _data = new();
    private FakeConnector _connector = null!;
    private OutageStorage _storage = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _storage = new OutageStorage(SqliteStorage.InDirectory(_data.Path), () => new NpgsqlException("Failed to connect to 10.0.0.7:5432", new System.Net.Sockets.SocketException(111)));
        _bot = new BotApp(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = _data.Path },
            services => services.AddSingleton<IStorage>(_storage));
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task On_the_channel_adapter_a_user_keeps_their_place_in_the_symptom_check_after_a_database_outage()
    {
        Assert.Contains("face drooping", await SayOnEmulatorAsync("conv-outage", "check my symptoms"));

        _storage.Down = true;
        var during = await SayOnEmulatorAsync("conv-outage", "no");
        _storage.Down = false;
        var after = await SayOnEmulatorAsync("conv-outage", "no");

        Assert.Contains(Trouble, during);
        Assert.Contains("urine or stool", after);
    }

    [Fact]
    public async Task On_the_channel_adapter_a_conversation_that_cannot_be_read_is_cleared_and_starts_afresh()
    {
        Assert.Contains("face drooping", await SayOnEmulatorAsync("conv-unreadable", "check my symptoms"));

        Corrupt("emulator/conversations/conv-unreadable");
        var during = await SayOnEmulatorAsync("conv-unreadable", "no");
        var stored = StoredKeys();
        var after = await SayOnEmulatorAsync("conv-unreadable", "check my symptoms");

        Assert.Contains(Trouble, during);
        Assert.DoesNotContain("emulator/conversations/conv-unreadable", stored);
        Assert.Contains("face drooping", after);
        Assert.DoesNotContain(Trouble, after);
    }

    [Fact]
    public async Task On_the_direct_line_a_user_keeps_their_place_in_the_symptom_check_after_a_database_outage()
    {
        var web = await WebChatUserAsync();
        Assert.Contains("face drooping", await web.SayAsync("check my symptoms"));

        _storage.Down = true;
        var during = await web.SayAsync("no");
        _storage.Down = false;
        var after = await web.SayAsync("no");

        Assert.Contains(Trouble, during);
        Assert.Contains("urine or stool", after);
    }

    [Fact]
    public async Task On_the_direct_line_a_conversation_that_cannot_be_read_is_cleared_and_starts_afresh()
    {
        var web = await WebChatUserAsync();
        Assert.Contains("face drooping", await web.SayAsync("check my symptoms"));

        Corrupt("directline/conversations/" + web.Grant.ConversationId);
        var during = await web.SayAsync("no");
        var stored = StoredKeys();
        var after = await web.SayAsync("check my symptoms");

        Assert.Contains(Trouble, during);
        Assert.DoesNotContain("directline/conversations/" + web.Grant.ConversationId, stored);
        Assert.Contains("face drooping", after);
        Assert.DoesNotContain(Trouble, after);
    }

    [Fact]
    public async Task After_a_failed_turn_only_the_exception_type_and_channel_are_logged()
    {
        var logs = new LogCapture();
        using var bot = new BotApp(services: services =>
        {
            logs.AddTo(services);
            services.AddSingleton<IStorage>(new OutageStorage(new MemoryStorage(), () => new TimeoutException("secret words the user typed")) { Down = true });
        });

        await bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-logged", "my private words").ExpectingReplies());

        var error = Assert.Single(logs.Entries, e => e.Category == typeof(TurnErrorPolicy).FullName);
        Assert.Contains("System.TimeoutException", error.Message);
        Assert.Contains("Transient", error.Message);
        Assert.Contains("emulator", error.Message);
        Assert.DoesNotContain(logs.Entries, e => e.ToString().Contains("private words") || e.ToString().Contains("secret words"));
    }

    public static TheoryData<Exception, TurnFailure> Failures => new()
    {
        { new NpgsqlException("unreachable", new System.Net.Sockets.SocketException(111)), TurnFailure.Transient },
        { new SqliteException("database is locked", 5), TurnFailure.Transient },
        { new TimeoutException(), TurnFailure.Transient },
        { new TaskCanceledException(), TurnFailure.Transient },
        { new StorageConflictException(), TurnFailure.Transient },
        { new HttpRequestException("connector down"), TurnFailure.Transient },
        { new AggregateException(new InvalidOperationException("wrapper", new TimeoutException())), TurnFailure.Transient },
        { new StoredStateUnreadableException(), TurnFailure.UnreadableState },
        { new DialogStateException("step gone"), TurnFailure.UnreadableState },
        { new InvalidOperationException("wrapped", new StoredStateUnreadableException()), TurnFailure.UnreadableState },
        { new NullReferenceException(), TurnFailure.Fault },
        { new InvalidOperationException("a bug"), TurnFailure.Fault },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_kind_of_failure_is_told_apart(Exception exception, TurnFailure expected)
    {
        Assert.Equal(expected, TurnErrorPolicy.Classify(exception));
    }

    private async Task<string> SayOnEmulatorAsync(string conversationId, string text)
    {
        var response = await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversationId, text).ExpectingReplies());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        return string.Join("\n", activities.Where(a => a.Value<string>("type") == ActivityTypes.Message).Select(a => a.Value<string>("text")));
    }

    private async Task<WebChatUser> WebChatUserAsync()
    {
        var client = new DirectLineClient(_bot.Http);
        var grant = await client.StartNewAsync();
        var user = new WebChatUser(client, grant);
        await user.SayAsync(null);
        return user;
    }

    /// <summary>Replaces a saved document with one that names a type this build does not have, as after a rollback.</summary>
    private void Corrupt(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE bot_state SET document = $document WHERE key = $key;";
        command.Parameters.AddWithValue("$document", "{\"$type\":\"FootDrop.Bot.NoSuchState, FootDrop.Bot\",\"step\":1}");
        command.Parameters.AddWithValue("$key", key);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private List<string> StoredKeys()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM bot_state;";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, SqliteStorage.DatabaseFileName)};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A Web Chat page's user: each message, then the bot's new messages since the last one read.</summary>
    private sealed class WebChatUser(DirectLineClient client, DirectLineClient.Grant grant)
    {
        private string? _watermark;

        public DirectLineClient.Grant Grant => grant;

        public async Task<string> SayAsync(string? text)
        {
            if (text is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(grant, text)).StatusCode);
            }

            var page = await client.GetActivitiesAsync(grant, _watermark);
            _watermark = page.Value<string>("watermark");
            return string.Join("\n", ((JArray)page["activities"]!)
                .Where(a => a["from"]?.Value<string>("role") == "bot" && a.Value<string>("type") == ActivityTypes.Message)
                .Select(a => a.Value<string>("text")));
        }
    }
}
