using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// The reminder scheduler starts after the bot listens; if it cannot, the bot still stops with a failure a supervisor
/// sees, as it did when the scheduler started inside the start-up.
/// </summary>
public sealed class ReminderStartFailureTests
{
    [Fact]
    public async Task A_scheduler_store_that_cannot_start_stops_the_bot_with_exit_code_1_and_says_why()
    {
        // Tables under the scheduler's prefix that Quartz did not make: it refuses to start on them.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "footdrop-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, SqliteStorage.DatabaseFileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE qrtz_locks (x); CREATE TABLE qrtz_fired_triggers (y);";
            await command.ExecuteNonQueryAsync();
        }

        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>(), dataDirectory);

        Assert.Equal(1, await bot.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("The reminder scheduler could not start on the Sqlite store", bot.Output, StringComparison.Ordinal);
    }
}
