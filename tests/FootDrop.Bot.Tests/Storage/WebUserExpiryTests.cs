using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>
/// Anonymous web users' user state expires once they have been away for Storage:WebUserIdleTimeout (90 days); Teams
/// users keep theirs. The expiry service runs as the host runs it, on a clock the test moves.
/// </summary>
public abstract class WebUserExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly RecordingStore _told = new();
    private ConversationStateExpiryService _service = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    protected RelationalStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await OpenAsync();
        _service = new ConversationStateExpiryService(
            Storage,
            Options.Create(new StorageOptions()),
            Clock,
            NullLogger<ConversationStateExpiryService>.Instance,
            [_told]);
    }

    public virtual async Task DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
    }

    protected abstract Task<RelationalStorage> OpenAsync();

    [StorageFact]
    public async Task A_web_user_away_for_longer_than_90_days_loses_their_progress()
    {
        await SaveProfileAsync("directline", "user-away");
        await StartAsync();

        Clock.Advance(TimeSpan.FromDays(91));
        await SweepsAsync(2);

        Assert.Empty(await Storage.ReadAsync([StateKeys.UserKey("directline", "user-away")]));
    }

    [StorageFact]
    public async Task A_web_user_away_for_less_than_90_days_keeps_their_progress()
    {
        await SaveProfileAsync("directline", "user-back-soon");
        await StartAsync();

        Clock.Advance(TimeSpan.FromDays(89));
        await SweepsAsync(2);

        Assert.Single(await Storage.ReadAsync([StateKeys.UserKey("directline", "user-back-soon")]));
    }

    [StorageFact]
    public async Task A_web_user_who_comes_back_without_changing_anything_is_seen_and_keeps_their_progress()
    {
        await SaveProfileAsync("directline", "user-reader");
        Clock.Advance(TimeSpan.FromDays(80));
        await Storage.MarkUserSeenAsync(StateKeys.UserKey("directline", "user-reader"), CancellationToken.None);
        await StartAsync();

        Clock.Advance(TimeSpan.FromDays(60));
        await SweepsAsync(2);

        Assert.Single(await Storage.ReadAsync([StateKeys.UserKey("directline", "user-reader")]));
    }

    [StorageFact]
    public async Task A_Teams_user_away_for_a_year_keeps_their_progress()
    {
        await SaveProfileAsync("msteams", "29:teams-user");
        await StartAsync();

        Clock.Advance(TimeSpan.FromDays(365));
        await SweepsAsync(2);

        Assert.Single(await Storage.ReadAsync([StateKeys.UserKey("msteams", "29:teams-user")]));
    }

    [StorageFact]
    public async Task Every_store_that_keeps_data_about_web_users_is_told_whom_to_forget()
    {
        await SaveProfileAsync("directline", "user-gone");
        await SaveProfileAsync("webchat", "user-also-gone");
        await SaveProfileAsync("msteams", "29:stays");
        await StartAsync();

        Clock.Advance(TimeSpan.FromDays(91));
        await SweepsAsync(2);

        Assert.Equal(
            [new ExpiredWebUser("directline", "user-gone"), new ExpiredWebUser("webchat", "user-also-gone")],
            _told.Forgotten.OrderBy(u => u.ChannelId, StringComparer.Ordinal));
    }

    [StorageFact]
    public async Task Marking_a_user_seen_within_the_hour_writes_nothing()
    {
        await SaveProfileAsync("directline", "user-busy");
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Storage.MarkUserSeenAsync(StateKeys.UserKey("directline", "user-busy"), CancellationToken.None);

        // Seen half an hour after the save, but the mark was not written: the save's time still counts.
        Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        await _service.SweepWebUsersAsync(CancellationToken.None);

        Assert.Empty(await Storage.ReadAsync([StateKeys.UserKey("directline", "user-busy")]));
    }

    private async Task SaveProfileAsync(string channelId, string userId)
        => await Storage.WriteAsync(new Dictionary<string, object> { [StateKeys.UserKey(channelId, userId)] = new Dictionary<string, object> { ["side"] = "left" } });

    /// <summary>Starts the service and waits for its first sweep, so the clock moves only once its timer is set.</summary>
    private async Task StartAsync()
    {
        await _service.StartAsync(CancellationToken.None);
        await SweepsAsync(1);
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

    private sealed class RecordingStore : IExpiredUserDataStore
    {
        public List<ExpiredWebUser> Forgotten { get; } = [];

        public Task ForgetAsync(IReadOnlyList<ExpiredWebUser> users, CancellationToken cancellationToken)
        {
            lock (Forgotten)
            {
                Forgotten.AddRange(users);
            }

            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteWebUserExpiryTests : WebUserExpiryTests
{
    private readonly TempDirectory _data = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        ((SqliteStorage)Storage).Dispose();
        _data.Dispose();
    }

    protected override Task<RelationalStorage> OpenAsync() => Task.FromResult<RelationalStorage>(SqliteStorage.InDirectory(_data.Path, Clock));
}

[RequiresPostgres]
public sealed class PostgresWebUserExpiryTests : WebUserExpiryTests
{
    private TestDatabase _database = null!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await ((PostgresStorage)Storage).DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override async Task<RelationalStorage> OpenAsync()
    {
        _database = await TestDatabase.CreateAsync();
        return new PostgresStorage(_database.ConnectionString, Clock);
    }
}
