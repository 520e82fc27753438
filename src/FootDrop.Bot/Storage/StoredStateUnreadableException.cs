namespace FootDrop.Bot.Storage;

/// <summary>
/// A stored state document cannot be turned back into objects: it is corrupt, or was written by a build whose types
/// this one lacks. Reading it again will fail again, unlike an unreachable database.
/// </summary>
public sealed class StoredStateUnreadableException : Exception
{
    public StoredStateUnreadableException()
        : this("A stored state document cannot be read.")
    {
    }

    public StoredStateUnreadableException(string message)
        : base(message)
    {
    }

    public StoredStateUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The storage key of the document. Kept out of the message because keys carry user and conversation ids.</summary>
    public string? Key { get; private init; }

    internal static StoredStateUnreadableException ForKey(string key, Exception innerException)
        => new("A stored state document cannot be read.", innerException) { Key = key };
}
