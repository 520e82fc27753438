using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>The background expiry as the host runs it, on a clock the test moves.</summary>
public sealed class ConversationStateExpiryServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteStorage _storage;
    private readonly ConversationStateExpiryService _service;

    public ConversationStateExpiryServiceTests()
    {
        _storage = SqliteStorage.InDirectory(_data.Path, _clock);
        _service = new ConversationStateExpiryService(
            _storage,
            Options.Create(new StorageOptions { ConversationIdleTimeout = TimeSpan.FromHours(24) }),
            _clock,
            NullLogger<ConversationStateExpiryService>.Instance);
    }

    public void Dispose()
    {
        _service.Dispose();
        _storage.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_conversation_left_idle_past_the_timeout_loses_its_state_while_the_bot_runs()
    {
        var conversation = TestActivities.ConversationKey("idle");
        await _storage.WriteAsync(new Dictionary<string, object> { [conversation] = new Dictionary<string, object> { ["step"] = 2L } }, CancellationToken.None);
        await _service.StartAsync(CancellationToken.None);
        await SweepsAsync(1);

        _clock.Advance(TimeSpan.FromHours(25));
        await SweepsAsync(2);

        Assert.Empty(await _storage.ReadAsync([conversation], CancellationToken.None));
        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_exercise_progress_of_an_idle_user_is_kept()
    {
        var user = TestActivities.UserKey("idle-user");
        await _storage.WriteAsync(new Dictionary<string, object> { [user] = new Dictionary<string, object> { ["setsDone"] = 3L } }, CancellationToken.None);
        await _service.StartAsync(CancellationToken.None);
        await SweepsAsync(1);

        _clock.Advance(TimeSpan.FromDays(30));
        await SweepsAsync(2);

        Assert.Single(await _storage.ReadAsync([user], CancellationToken.None));
        await _service.StopAsync(CancellationToken.None);
    }

    private async Task SweepsAsync(long count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (_service.CompletedSweeps < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The expiry service did not finish sweep {count}.");
            await Task.Delay(10);
        }
    }
}
