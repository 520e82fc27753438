namespace FootDrop.Bot.Storage;

/// <summary>
/// A write carried an eTag that no longer matches the stored item: someone else changed or deleted it since it was read.
/// The turn runner catches this type to run the turn again on fresh state.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
        : this("Etag conflict.")
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal StorageConflictException(string key, string? expectedETag)
        : base(expectedETag is null
            ? "Etag conflict. The item was created by someone else after this turn found it missing."
            : $"Etag conflict. Original: {expectedETag}")
    {
        Key = key;
        ExpectedETag = expectedETag;
    }

    /// <summary>The storage key whose write was refused. Kept out of the message because keys carry user and conversation ids.</summary>
    public string? Key { get; }

    /// <summary>The eTag the writer expected; null when it expected the item not to exist.</summary>
    public string? ExpectedETag { get; }
}
