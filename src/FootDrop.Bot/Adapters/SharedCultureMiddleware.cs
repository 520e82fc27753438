using System.Globalization;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// Runs the rest of the turn on the shared, read-only <see cref="CultureInfo"/> of the turn's locale.
/// The SDK sets <c>new CultureInfo(activity.Locale)</c> at the start of every turn; a fresh culture object rebuilds its
/// number formats and collation data from ICU on first use, which the recognisers and prompts pay on every turn.
/// The cached instance from <see cref="CultureInfo.GetCultureInfo(string)"/> has them built once per process.
/// </summary>
public sealed class SharedCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var current = CultureInfo.CurrentCulture;
        if (!current.IsReadOnly)
        {
            // The name already made a valid culture for the SDK, so the cached lookup cannot fail here.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(current.Name);
        }

        return next(cancellationToken);
    }
}
