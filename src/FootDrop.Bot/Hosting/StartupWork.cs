namespace FootDrop.Bot.Hosting;

/// <summary>
/// The work the bot does after it starts listening (the dialogs, the red-flag rules, the sentence model, the reminders'
/// tables and scheduler), run one item after another on one thread of its own, in the order it was asked for.
/// </summary>
/// <remarks>
/// On the two cores the bot is sized for, start-up work spread over several threads took both cores and left the first
/// request waiting; on pool threads it also held back the requests until the pool grew. One background thread leaves a
/// core for the requests. A turn that needs something not yet built waits for it where it is resolved.
/// </remarks>
public sealed class StartupWork
{
    private readonly Queue<(Action Work, TaskCompletionSource Done)> _queue = new();
    private readonly Lock _gate = new();
    private bool _running;

    /// <summary>Queues the work; the task completes when it has run, and faults with its exception.</summary>
    public Task Run(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _queue.Enqueue((work, done));
            if (_running)
            {
                return done.Task;
            }

            _running = true;
        }

        // The thread ends when the queue is empty, so a host that has finished starting holds no thread.
        new Thread(Drain) { IsBackground = true, Name = "FootDrop start-up work" }.Start();
        return done.Task;
    }

    private void Drain()
    {
        while (true)
        {
            (Action Work, TaskCompletionSource Done) item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item))
                {
                    _running = false;
                    return;
                }
            }

            try
            {
                item.Work();
                item.Done.SetResult();
            }
            catch (Exception exception)
            {
                item.Done.SetException(exception);
            }
        }
    }
}
