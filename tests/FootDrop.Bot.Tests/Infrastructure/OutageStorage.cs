using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>A storage that fails like an unreachable database while <see cref="Down"/> is set, and otherwise passes everything through.</summary>
public sealed class OutageStorage(IStorage inner, Func<Exception> failure) : IStorage
{
    public bool Down { get; set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        => Down ? Task.FromException<IDictionary<string, object>>(failure()) : inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        => Down ? Task.FromException(failure()) : inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        => Down ? Task.FromException(failure()) : inner.DeleteAsync(keys, cancellationToken);
}
