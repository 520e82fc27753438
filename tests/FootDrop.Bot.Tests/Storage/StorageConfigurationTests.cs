using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>The Storage settings at start-up: the provider they choose, and a clear refusal to start when they are wrong.</summary>
public sealed class StorageConfigurationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Sqlite_creates_its_database_file_in_the_data_folder_at_start()
    {
        var dataDirectory = Path.Combine(_data.Path, "nested", "data");

        using var app = new BotApp(Settings(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", dataDirectory)));

        var storage = Assert.IsType<SqliteStorage>(app.Services.GetRequiredService<IStorage>());
        Assert.Equal(Path.Combine(dataDirectory, SqliteStorage.DatabaseFileName), storage.DatabasePath);
        Assert.True(File.Exists(storage.DatabasePath));
    }

    [Fact]
    public void Sqlite_keeps_its_database_in_write_ahead_log_mode()
    {
        using var app = new BotApp(Settings(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _data.Path)));
        var storage = (SqliteStorage)app.Services.GetRequiredService<IStorage>();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storage.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Memory_is_chosen_by_name_in_any_letter_case()
    {
        using var app = new BotApp(Settings(("Storage:Provider", "memory")));

        Assert.IsType<MemoryStorage>(app.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public async Task An_unknown_provider_stops_the_start_naming_the_setting()
    {
        var failure = await StartFailureAsync(Settings(("Storage:Provider", "Cosmos")));

        Assert.Contains("Storage:Provider", failure, StringComparison.Ordinal);
        Assert.Contains("Cosmos", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        var failure = await StartFailureAsync(Settings(("Storage:Provider", "Postgres"), ("Storage:ConnectionString", "")));

        Assert.Contains("Storage:ConnectionString is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_naming_the_setting_but_not_the_password()
    {
        var failure = await StartFailureAsync(Settings(
            ("Storage:Provider", "Postgres"),
            ("Storage:ConnectionString", "Host=127.0.0.1;Port=1;Database=footdrop;Username=bot;Password=very-secret;Timeout=5")));

        Assert.Contains("Storage:ConnectionString: could not reach the PostgreSQL database 'footdrop' on 127.0.0.1:1", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_stops_the_start_naming_the_setting()
    {
        var blocker = Path.Combine(_data.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var failure = await StartFailureAsync(Settings(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", Path.Combine(blocker, "data"))));

        Assert.Contains("Storage:DataDirectory", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_timeout_that_is_not_positive_stops_the_start_naming_the_setting()
    {
        var failure = await StartFailureAsync(Settings(("Storage:Provider", "Memory"), ("Storage:ConversationIdleTimeout", "00:00:00")));

        Assert.Contains("Storage:ConversationIdleTimeout must be positive", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_user_data_eraser_is_available_to_dialogs()
    {
        using var app = new BotApp(Settings(("Storage:Provider", "Memory")));

        Assert.NotNull(app.Services.GetRequiredService<IUserDataEraser>());
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings)
        => settings.ToDictionary(s => s.Key, s => (string?)s.Value);

    private static Task<string> StartFailureAsync(Dictionary<string, string?> settings) => StartFailure.MessagesAsync(settings);
}

[RequiresPostgres]
public sealed class PostgresConfigurationTests
{
    [StorageFact]
    public async Task Postgres_with_a_reachable_database_starts_and_keeps_the_state_there()
    {
        using var app = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = TestPostgres.RequireConnectionString(),
        });
        var storage = Assert.IsType<PostgresStorage>(app.Services.GetRequiredService<IStorage>());
        var key = TestActivities.ConversationKey(Guid.NewGuid().ToString("N"));

        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["step"] = 1L } }, CancellationToken.None);

        Assert.Single(await storage.ReadAsync([key], CancellationToken.None));
        await storage.DeleteAsync([key], CancellationToken.None);
    }
}
