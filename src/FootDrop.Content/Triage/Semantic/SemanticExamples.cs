using System.Security.Cryptography;
using System.Text;
using FootDrop.Content.Text;

namespace FootDrop.Content.Triage.Semantic;

/// <summary>One sentence of dialogs/redflags.json the model compares messages with.</summary>
public sealed record SemanticExample(string RuleId, string Text, bool IsNearMiss, bool IsEmergency = false);

/// <summary>
/// The closest example that should fire a rule, the closest near miss that should not, and the closest example of an
/// emergency rule (which may be further than the closest example overall).
/// </summary>
public sealed record SemanticMatch(SemanticExample Nearest, double Score, SemanticExample? NearestMiss, double MissScore, SemanticExample? NearestEmergency = null, double EmergencyScore = 0);

/// <summary>
/// The rules' example sentences and near misses as the model sees them. Built once at start-up (or read back from a
/// cache on disk keyed by the model and the exact sentences, so an edited example is always embedded afresh).
/// </summary>
public sealed class SemanticExamples
{
    /// <summary>Vectors already made in this process, by model and sentences (tests start many bots in one process).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[][]> InProcess = new(StringComparer.Ordinal);

    private readonly SemanticExample[] _examples;
    private readonly float[][] _vectors;

    private SemanticExamples(SemanticExample[] examples, float[][] vectors)
    {
        _examples = examples;
        _vectors = vectors;
    }

    public int Count => _examples.Length;

    public static IReadOnlyList<SemanticExample> From(RedFlagVocabulary vocabulary)
        => [.. vocabulary.Rules.SelectMany(rule =>
            rule.Examples.Select(e => new SemanticExample(rule.Id, e, false, rule.Level == CareLevel.Emergency))
                .Concat(rule.NearMisses.Select(e => new SemanticExample(rule.Id, e, true))))];

    public static SemanticExamples Build(IReadOnlyList<SemanticExample> examples, ISentenceEmbedder embedder, string? cacheDirectory)
    {
        var texts = examples.Select(e => TextNormalizer.Canonical(e.Text)).ToList();
        var key = Key(embedder.ModelId, texts);
        if (InProcess.TryGetValue(key, out var known))
        {
            return new SemanticExamples([.. examples], known);
        }

        var cachePath = cacheDirectory is null ? null : Path.Combine(cacheDirectory, $"semantic-examples-{key}.bin");
        if (cachePath is not null && TryRead(cachePath, examples.Count) is { } cached)
        {
            InProcess[key] = cached;
            return new SemanticExamples([.. examples], cached);
        }

        var vectors = new float[texts.Count][];
        const int batch = 32;
        for (var i = 0; i < texts.Count; i += batch)
        {
            var embedded = embedder.Embed(texts.GetRange(i, Math.Min(batch, texts.Count - i)));
            embedded.CopyTo(vectors, i);
        }

        if (cachePath is not null)
        {
            TryWrite(cachePath, vectors);
        }

        InProcess[key] = vectors;
        return new SemanticExamples([.. examples], vectors);
    }

    /// <summary>The nearest example that fires a rule, and the nearest near miss, by cosine similarity.</summary>
    public SemanticMatch? Nearest(float[] vector)
    {
        var best = -1;
        var bestScore = double.MinValue;
        var miss = -1;
        var missScore = double.MinValue;
        var emergency = -1;
        var emergencyScore = double.MinValue;
        for (var i = 0; i < _vectors.Length; i++)
        {
            var score = Dot(vector, _vectors[i]);
            if (_examples[i].IsNearMiss)
            {
                if (score > missScore)
                {
                    (miss, missScore) = (i, score);
                }

                continue;
            }

            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }

            if (_examples[i].IsEmergency && score > emergencyScore)
            {
                (emergency, emergencyScore) = (i, score);
            }
        }

        return best < 0
            ? null
            : new SemanticMatch(
                _examples[best],
                bestScore,
                miss < 0 ? null : _examples[miss],
                miss < 0 ? 0 : missScore,
                emergency < 0 ? null : _examples[emergency],
                emergency < 0 ? 0 : emergencyScore);
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static string Key(string modelId, IEnumerable<string> texts)
    {
        var text = modelId + "\n" + string.Join("\n", texts);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    private static float[][]? TryRead(string path, int count)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != count)
            {
                return null;
            }

            var dimensions = reader.ReadInt32();
            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vectors[i][d] = reader.ReadSingle();
                }
            }

            return vectors;
        }
        catch (IOException)
        {
            // A damaged or half-written cache is rebuilt.
            return null;
        }
    }

    private static void TryWrite(string path, float[][] vectors)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(vectors.Length);
                writer.Write(vectors.Length == 0 ? 0 : vectors[0].Length);
                foreach (var vector in vectors)
                {
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No cache on a read-only disk: the vectors are built again at the next start.
        }
    }
}
