using FootDrop.Bot.Storage;

namespace FootDrop.Bot.Tests.Storage.Support;

/// <summary>
/// The PostgreSQL the tests use: the connection string in FOOTDROP_TEST_POSTGRES (<c>source .ci/postgres.sh</c> sets it).
/// Without it the PostgreSQL tests skip on a developer's machine but fail under CI=true, so CI never passes by skipping.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "FOOTDROP_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests skip here, or null when they run (always under CI).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"{Variable} is not set: run `source .ci/postgres.sh` to start a throwaway PostgreSQL, then run the tests from that shell."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set. Under CI=true the PostgreSQL tests must run: .ci/run sources .ci/postgres.sh, which sets it (see its output for why it did not).");

    /// <summary>A store on a table of its own, so tests running in parallel never see each other's rows. Drop it when done.</summary>
    public static PostgresStorage CreateStorage(TimeProvider? timeProvider = null, string? tableName = null)
        => new(RequireConnectionString(), timeProvider, tableName ?? NewTableName());

    public static string NewTableName() => "test_" + Guid.NewGuid().ToString("N")[..24];
}
