using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// Counts the calls of an adapter's turn-error handler. The handler turns any exception inside a turn into a 200 and
/// an apology, so without this a crash would pass for bad input handled well.
/// </summary>
public sealed class TurnErrorCounter
{
    private readonly ConcurrentQueue<Exception> _errors = new();

    private TurnErrorCounter()
    {
    }

    public IReadOnlyCollection<Exception> Errors => _errors;

    /// <summary>Wraps the adapter's handler: it still runs, and each call is noted first.</summary>
    public static TurnErrorCounter On(BotAdapter adapter)
    {
        var counter = new TurnErrorCounter();
        var handler = adapter.OnTurnError;
        adapter.OnTurnError = async (turnContext, exception) =>
        {
            counter._errors.Enqueue(exception);
            if (handler is not null)
            {
                await handler(turnContext, exception);
            }
        };
        return counter;
    }

    public void AssertNone()
        => Assert.True(_errors.IsEmpty, "A turn failed: " + string.Join(Environment.NewLine, _errors.Select(e => e.ToString())));
}
