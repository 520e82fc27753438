namespace FootDrop.Content.Triage.Semantic;

/// <summary>
/// The sentence model with the rules' examples, loaded in the background: the bot answers from its first second, and
/// until the model is ready the rules and the clarifying question protect the user on their own.
/// </summary>
public sealed class SemanticReader
{
    private readonly Lazy<Task<(ISentenceEmbedder Embedder, SemanticExamples Examples)>> _loading;

    public SemanticReader(Func<ISentenceEmbedder> embedder, IReadOnlyList<SemanticExample> examples, string? cacheDirectory)
    {
        // A thread of its own: seconds of CPU work on a pool thread would leave the first requests waiting for the
        // pool to grow (two threads on two cores).
        _loading = new(() => Task.Factory.StartNew(() =>
        {
            var model = embedder();
            var built = SemanticExamples.Build(examples, model, cacheDirectory);

            // The first inference sets up ONNX Runtime's buffers; it is done here, not on a user's message.
            model.Embed(["warm up the model on a first sentence"]);
            return (model, built);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    public bool IsReady => _loading.IsValueCreated && _loading.Value.IsCompletedSuccessfully;

    /// <summary>
    /// Starts the loading if nothing has yet, and completes when the model is ready; faults if it could not be loaded.
    /// The bot starts it once the rules are ready, so the two do not share the cores the first replies need.
    /// </summary>
    public Task WhenReady => _loading.Value;

    /// <summary>The nearest examples for each sentence, or null while the model is still loading (or failed to load).</summary>
    public IReadOnlyList<SemanticMatch?>? Match(IReadOnlyList<string> sentences)
    {
        if (!IsReady || sentences.Count == 0)
        {
            return null;
        }

        var (embedder, examples) = _loading.Value.Result;
        return embedder.Embed(sentences).Select(examples.Nearest).ToList();
    }


}
