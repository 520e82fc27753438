using FootDrop.Bot.Reminders;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// Two instances of the bot on one PostgreSQL database, with Quartz's clustered store on scheduler tables of the
/// test's own, sharing a fake clock: a reminder is delivered by exactly one of them, and one that fell due while both
/// were stopped is delivered once by the next instance to start, or skipped when it is more than
/// <see cref="ReminderOptions.SkipWhenLateBy"/> (3 hours) late. The clock stands at Monday 23 November 2026, 09:00 UTC
/// (14:30 in Kolkata).
/// </summary>
[RequiresPostgres]
public sealed class ClusteredReminderTests : IAsyncLifetime
{
    private const string Zone = "Asia/Kolkata";

    private readonly string _prefix = "qrtz_" + Guid.NewGuid().ToString("N")[..10] + "_";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        if (TestPostgres.ConnectionString is { } connectionString)
        {
            // Quartz's tables of this test only (the prefix is unique to it).
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var find = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE @prefix", connection);
            find.Parameters.AddWithValue("prefix", _prefix + "%");
            var tables = new List<string>();
            await using (var reader = await find.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (tables.Count > 0)
            {
                await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS " + string.Join(", ", tables.Select(t => "\"" + t + "\"")) + " CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [StorageFact]
    public async Task A_reminder_due_while_both_instances_run_is_delivered_once()
    {
        using var first = Instance();
        using var second = Instance();
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SetReminderAsync(first, user, "remind me every day at 2:45pm");

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero));
        var today = await WaitForOutcomesAsync(1, first, second);

        // The next day's reminder too, so a second delivery of today's, had it been coming, would have come first.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero));
        var both = await WaitForOutcomesAsync(2, first, second);

        Assert.Equal(ReminderOutcomeKind.Sent, Assert.Single(today).Kind);
        Assert.Equal(
            [new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero)],
            both.Select(o => o.Firing.ScheduledUtc).Order().ToArray());
        Assert.All(both, o => Assert.Equal(ReminderOutcomeKind.Sent, o.Kind));
        Assert.Equal(2, _connector.Received.Count);
    }

    [StorageFact]
    public async Task A_reminder_due_while_both_instances_were_stopped_is_delivered_once_by_the_next_one_to_start()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        using (var first = Instance())
        using (var second = Instance())
        {
            await SetReminderAsync(second, user, "remind me every day at 2:45pm");
        }

        // Both stopped; back an hour after the reminder was due.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero));
        using var restarted = Instance();
        using var another = Instance();

        var outcome = Assert.Single(await WaitForOutcomesAsync(1, restarted, another));
        Assert.Equal(ReminderOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), outcome.Firing.ScheduledUtc);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero));
        Assert.Equal(2, (await WaitForOutcomesAsync(2, restarted, another)).Count);
        Assert.Equal(2, _connector.Received.Count);
    }

    [StorageFact]
    public async Task A_reminder_more_than_three_hours_late_after_an_outage_is_skipped_and_the_next_one_comes_on_time()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        using (var first = Instance())
        {
            await SetReminderAsync(first, user, "remind me every day at 2:45pm");
        }

        // Back four hours after the reminder was due (still before the quiet hours in Kolkata, so only lateness counts).
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 15, 0, TimeSpan.Zero));
        using var restarted = Instance();

        // The misfire rule moves the trigger to tomorrow without firing it.
        var next = await WaitForNextFireAsync(restarted, user, new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero), next);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero));
        var outcome = Assert.Single(await WaitForOutcomesAsync(1, restarted));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero), outcome.Firing.ScheduledUtc);
        Assert.Single(_connector.Received);
    }

    private ReminderHost Instance() => new(_clock, new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = TestPostgres.RequireConnectionString(),
        ["Reminders:TablePrefix"] = _prefix,
        ["Reminders:ClusterCheckinInterval"] = "00:00:01",
    });

    private async Task SetReminderAsync(ReminderHost instance, string user, string text)
    {
        var message = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-" + user, text, user);
        message.LocalTimezone = Zone;
        await instance.App.PostActivityAsync(message);
        Assert.StartsWith("Done. I'll remind you", (await _connector.WaitForAsync(1))[0].Text);
        _connector.Clear();
    }

    /// <summary>The firings of all the instances, once there are <paramref name="count"/> of them (bounded wait).</summary>
    private static async Task<IReadOnlyList<ReminderOutcome>> WaitForOutcomesAsync(int count, params ReminderHost[] instances)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (instances.Sum(i => i.Outcomes.Count) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} reminder firings, saw {instances.Sum(i => i.Outcomes.Count)}.");
            }

            await Task.Delay(50);
        }

        return [.. instances.SelectMany(i => i.Outcomes)];
    }

    private static async Task<DateTimeOffset?> WaitForNextFireAsync(ReminderHost instance, string user, DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        DateTimeOffset? next;
        do
        {
            next = (await instance.Scheduler.TriggerAsync(Channels.Emulator, user, CancellationToken.None))?.NextFireTimeUtc;
            if (next == expected)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Empty(instance.Outcomes);
        return next;
    }
}
