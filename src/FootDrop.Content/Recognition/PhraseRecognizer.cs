using FootDrop.Content.Text;

namespace FootDrop.Content.Recognition;

public enum MatchKind
{
    Menu,
    Section,
    Exercise,
}

public sealed record PhraseMatch(MatchKind Kind, string Id, double Score);

/// <summary>
/// An offline recogniser for people's own words ("whats an AFO", "why is my foot slapping"), built from the phrases in
/// the content: the words that carry meaning in each phrase are compared with the message's, tolerating plurals and a
/// one-letter typo in longer words. No cloud language service is involved.
/// </summary>
public sealed class PhraseRecognizer
{
    /// <summary>Share of a phrase's meaningful words a message must contain.</summary>
    public const double Threshold = 0.66;

    /// <summary>Messages are read up to this many words; a recogniser must not slow down on a pasted essay.</summary>
    private const int MaxWords = 60;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "be", "my", "i", "me", "im", "ive", "what", "whats", "how", "do", "does", "did",
        "to", "of", "for", "about", "can", "could", "it", "its", "in", "on", "at", "with", "please", "tell", "you", "your",
        "this", "that", "and", "or", "will", "would", "should", "there", "am", "have", "has", "get", "go", "so", "any",
        "some", "want", "like", "id", "know", "need", "show", "give", "bit", "just", "really", "when", "why", "which", "who", "not",
    };

    private readonly List<Entry> _entries = [];

    public PhraseRecognizer Add(MatchKind kind, string id, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = MeaningfulWords(phrase).Distinct().ToArray();
            if (words.Length > 0)
            {
                _entries.Add(new Entry(kind, id, words));
            }
        }

        return this;
    }

    public PhraseMatch? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = MeaningfulWords(text).Take(MaxWords).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return null;
        }

        // A short question ("is it permanent?") is read the other way round too: all its words found in one phrase,
        // provided one of them is distinctive (not "foot" or "drop", which half the phrases share).
        var distinctive = words.Any(w => DocumentFrequency(w) < DistinctiveShare);

        PhraseMatch? best = null;
        var bestMatched = 0;
        foreach (var entry in _entries)
        {
            var matched = entry.Words.Count(w => Contains(words, w));
            if (matched == 0)
            {
                continue;
            }

            var score = (double)matched / entry.Words.Length;
            if (distinctive && matched == words.Count)
            {
                score = Math.Max(score, Threshold);
            }
            // On a tie an exercise beats a topic and a topic beats a menu entry: "I've had foot drop for years, can I do
            // the toe lifts" asks for the exercise, and a named exercise or topic answers more directly than a menu.
            var better = best is null
                || score > best.Score
                || (score == best.Score && matched > bestMatched)
                || (score == best.Score && matched == bestMatched && Rank(entry.Kind) > Rank(best.Kind));
            if (score >= Threshold && better)
            {
                best = new PhraseMatch(entry.Kind, entry.Id, score);
                bestMatched = matched;
            }
        }

        return best;
    }

    private static int Rank(MatchKind kind) => kind switch
    {
        MatchKind.Exercise => 2,
        MatchKind.Section => 1,
        _ => 0,
    };

    /// <summary>A word found in more than this share of the phrases says little about which one is meant.</summary>
    private const double DistinctiveShare = 0.2;

    private double DocumentFrequency(string word)
        => _entries.Count == 0 ? 0 : (double)_entries.Count(e => e.Words.Contains(word)) / _entries.Count;

    internal static IEnumerable<string> MeaningfulWords(string text)
    {
        foreach (var word in TextNormalizer.Normalize(text).Words)
        {
            if (!StopWords.Contains(word))
            {
                yield return Stem(word);
            }
        }
    }

    /// <summary>A light stemmer: enough that "causes", "caused" and "cause" meet.</summary>
    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.Length > 4 && word.EndsWith('e'))
        {
            return word[..^1];
        }

        return word;
    }

    private static bool Contains(HashSet<string> words, string wanted)
    {
        if (words.Contains(wanted))
        {
            return true;
        }

        if (wanted.Length < 5)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (Math.Abs(word.Length - wanted.Length) <= 1 && Spelling.WithinOneEdit(word, wanted))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Entry(MatchKind Kind, string Id, string[] Words);
}
