using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Concurrency;

/// <summary>Wraps any bot so each of its turns runs through <see cref="SafeTurnRunner"/>.</summary>
public sealed class TurnSafeBot<TBot>(TBot inner, SafeTurnRunner runner) : IBot
    where TBot : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        => runner.RunAsync(turnContext, inner.OnTurnAsync, cancellationToken);
}
