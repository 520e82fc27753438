using Microsoft.Extensions.Options;
using Npgsql;

namespace FootDrop.Bot.Storage;

/// <summary>Stops the start with a message naming the setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var providers = string.Join(", ", Enum.GetNames<StorageProvider>());

        if (!Enum.TryParse<StorageProvider>(options.Provider?.Trim(), ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            failures.Add($"Storage:Provider is '{options.Provider}', which is not a storage provider. Use one of: {providers}.");
        }
        else if (provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Storage:ConnectionString is required when Storage:Provider is Postgres (for example \"Host=db;Database=footdrop;Username=bot;Password=…\").");
            }
            else if (FindConnectionStringProblem(options.ConnectionString) is { } problem)
            {
                failures.Add($"Storage:ConnectionString is not a valid PostgreSQL connection string: {problem}");
            }
        }
        else if (provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory is empty: name the folder for the SQLite database (default \"data\").");
        }

        if (options.ConversationIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Storage:ConversationIdleTimeout must be positive (for example \"1.00:00:00\" for a day), not {options.ConversationIdleTimeout}.");
        }

        if (options.WebUserIdleTimeout < TimeSpan.FromHours(1))
        {
            failures.Add($"Storage:WebUserIdleTimeout must be at least an hour (for example \"90.00:00:00\" for 90 days), not {options.WebUserIdleTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? FindConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException exception)
        {
            // The parser names the keyword it rejects, never the password's value.
            return exception.Message;
        }
    }
}
