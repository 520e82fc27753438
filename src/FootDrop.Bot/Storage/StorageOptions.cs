namespace FootDrop.Bot.Storage;

/// <summary>The <c>Storage</c> section of the settings: where bot state lives and how long idle conversations keep theirs.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, embedded file), <c>Postgres</c> (several instances) or <c>Memory</c> (tests; lost on restart).</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>The folder of the SQLite database file; relative to the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The PostgreSQL connection string (Npgsql syntax). Required for <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Conversation state not written for this long is deleted; user state (exercise progress) is kept.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The user state of an anonymous web user (see <see cref="WebUsers"/>) not written or seen for this long is deleted,
    /// and the identity their browser keeps stops being honoured. Teams users keep theirs until they delete it.
    /// </summary>
    public TimeSpan WebUserIdleTimeout { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The provider named by <see cref="Provider"/>; only meaningful once the options are validated.</summary>
    public StorageProvider ProviderKind => Enum.TryParse<StorageProvider>(Provider?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)
        ? kind
        : throw new InvalidOperationException($"Storage:Provider '{Provider}' is not one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");

    /// <summary>How often the idle conversation state is looked for: often enough to honour the timeout closely, at most hourly.</summary>
    public TimeSpan ExpiryCheckInterval => TimeSpan.FromTicks(Math.Clamp(ConversationIdleTimeout.Ticks / 12, TimeSpan.TicksPerSecond, TimeSpan.TicksPerHour));
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
    Memory,
}
