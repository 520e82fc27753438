using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Before the bot takes its first message, makes sure the configured database can be reached and has its table, so a
/// wrong setting stops the start with a message naming it instead of failing the first user's turn.
/// </summary>
internal sealed partial class StorageStartupCheck(
    IStorage storage,
    IOptions<StorageOptions> options,
    IHostEnvironment environment,
    ILogger<StorageStartupCheck> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (storage)
        {
            case SqliteStorage sqlite:
                try
                {
                    await sqlite.EnsureCreatedAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    throw new InvalidOperationException(
                        $"Storage:DataDirectory: could not create or open the SQLite database '{sqlite.DatabasePath}' (from Storage:DataDirectory '{settings.DataDirectory}'): {exception.Message}",
                        exception);
                }

                LogSqliteReady(logger, sqlite.DatabasePath);
                break;

            case PostgresStorage postgres:
                try
                {
                    await postgres.EnsureCreatedAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
                {
                    var target = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
                    throw new InvalidOperationException(
                        $"Storage:ConnectionString: could not reach the PostgreSQL database '{target.Database}' on {target.Host}:{target.Port} or create its table: {exception.Message}",
                        exception);
                }

                LogReady(logger, "PostgreSQL");
                break;

            default:
                if (!environment.IsDevelopment())
                {
                    LogVolatile(logger, environment.EnvironmentName);
                }

                break;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot state is stored in the SQLite database {DatabasePath}")]
    private static partial void LogSqliteReady(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot state is stored in {Provider}")]
    private static partial void LogReady(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage:Provider is Memory in the {Environment} environment: every conversation and all exercise progress are lost when the bot stops.")]
    private static partial void LogVolatile(ILogger logger, string environment);
}
