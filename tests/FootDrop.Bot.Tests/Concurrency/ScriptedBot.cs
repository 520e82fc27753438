using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>A bot whose turn is the test's own code, counting how often a turn is run.</summary>
public sealed class ScriptedBot(Func<ITurnContext, int, CancellationToken, Task> turn) : IBot
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        => turn(turnContext, Interlocked.Increment(ref _runs), cancellationToken);
}
