using FootDrop.Content.Text;

namespace FootDrop.Content.Triage.Matching;

/// <summary>
/// Every word the patterns use, exact ("numb") or as a stem ("droop*"), with one-letter typo tolerance for words of
/// five letters or more that are not themselves English words (see <see cref="KnownWords"/>).
/// </summary>
internal sealed class WordIndex
{
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly List<(string Word, int Id)> _fuzzyExact = [];
    private readonly List<(string Stem, int Id)> _fuzzyStems = [];
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private int _next;

    public int Add(string word, bool stem)
    {
        var map = stem ? _stems : _exact;
        if (map.TryGetValue(word, out var id))
        {
            return id;
        }

        id = _next++;
        map[word] = id;
        _vocabulary.Add(word);
        if (word.Length >= Spelling.MinFuzzyLength)
        {
            (stem ? _fuzzyStems : _fuzzyExact).Add((word, id));
        }

        return id;
    }

    public int Count => _next;

    /// <summary>The ids of every pattern word this token can be.</summary>
    public int[] Resolve(string token)
    {
        List<int>? ids = null;
        if (_exact.TryGetValue(token, out var exact))
        {
            (ids ??= []).Add(exact);
        }

        for (var length = 1; length <= token.Length; length++)
        {
            if (_stems.TryGetValue(token[..length], out var stem))
            {
                (ids ??= []).Add(stem);
            }
        }

        if (token.Length >= Spelling.MinFuzzyLength && !_vocabulary.Contains(token) && !KnownWords.Contains(token) && token.All(char.IsLetter))
        {
            foreach (var (word, id) in _fuzzyExact)
            {
                if (Spelling.WithinOneEdit(word, token))
                {
                    (ids ??= []).Add(id);
                }
            }

            foreach (var (stem, id) in _fuzzyStems)
            {
                if (StemWithinOneEdit(stem, token))
                {
                    (ids ??= []).Add(id);
                }
            }
        }

        return ids is null ? [] : [.. ids.Distinct()];
    }

    /// <summary>
    /// "tingeling" reaches "tingl*": the word's start is compared with the stem. Only a word not much longer than its
    /// stem counts, so "cobblestones" never reaches "wobbl*".
    /// </summary>
    private static bool StemWithinOneEdit(string stem, string token)
    {
        if (token.Length > stem.Length + 4)
        {
            return false;
        }

        for (var length = stem.Length - 1; length <= stem.Length + 1; length++)
        {
            if (length >= 1 && length <= token.Length && Spelling.WithinOneEdit(stem, token[..length]))
            {
                return true;
            }
        }

        return false;
    }
}
