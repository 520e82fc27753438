using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// Runs the rest of the turn on a shared, read-only <see cref="CultureInfo"/> for the turn's locale.
/// The SDK sets <c>new CultureInfo(activity.Locale)</c> at the start of every turn; a fresh culture object rebuilds its
/// number formats from ICU on first use, which the recognisers and prompts paid on every turn.
/// </summary>
public sealed class SharedCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>
    /// The locale comes from the client, and anyone with a Web Chat token can send any name: past this many distinct
    /// locales a turn simply keeps the SDK's own culture, so the cache cannot be grown without bound.
    /// (<see cref="CultureInfo.GetCultureInfo(string)"/> is not used for that reason: its process-wide cache never shrinks.)
    /// </summary>
    public const int MaxSharedCultures = 64;

    private readonly ConcurrentDictionary<string, CultureInfo> _shared = new(StringComparer.Ordinal);

    /// <summary>How many locales have a shared culture so far.</summary>
    public int SharedCount => _shared.Count;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var current = CultureInfo.CurrentCulture;
        if (!current.IsReadOnly)
        {
            if (_shared.TryGetValue(current.Name, out var shared))
            {
                CultureInfo.CurrentCulture = shared;
            }
            else if (_shared.Count < MaxSharedCultures)
            {
                CultureInfo.CurrentCulture = _shared.GetOrAdd(current.Name, _ => CultureInfo.ReadOnly(current));
            }
        }

        return next(cancellationToken);
    }
}
