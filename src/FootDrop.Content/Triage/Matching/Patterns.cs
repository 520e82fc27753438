using FootDrop.Content.Text;

namespace FootDrop.Content.Triage.Matching;

internal enum ItemKind
{
    /// <summary>One word (exact or stem), by its id in the <see cref="WordIndex"/>.</summary>
    Word,

    /// <summary>Any entry of a word set, by the set's index.</summary>
    Set,

    /// <summary>Up to this many words of anything (never a sentence end, a pause or a negation).</summary>
    Gap,
}

internal readonly record struct PatternItem(ItemKind Kind, int Value);

internal sealed record Pattern(string Source, PatternItem[] Items);

/// <summary>
/// Compiles the pattern language of dialogs/redflags.json and dialogs/context.json: words as a person would type them,
/// <c>word*</c> for any ending, <c>{set}</c> for any entry of a named word set, <c>...</c> for up to two other words,
/// and <c>a|b</c> for either of two patterns.
/// </summary>
internal sealed class PatternCompiler(WordIndex words, IReadOnlyDictionary<string, int> setIndexes, List<IReadOnlyList<Pattern>> sets)
{
    public const int GapWords = 2;

    /// <summary>Compiles one pattern, or returns why it cannot be.</summary>
    public Pattern Compile(string source, out string? problem)
    {
        if (source.Contains('|', StringComparison.Ordinal))
        {
            // "eye|eyes|vision" becomes an unnamed word set of its alternatives.
            string? firstProblem = null;
            var alternatives = source.Split('|').Select(alternative =>
            {
                var compiled = CompileSequence(alternative, out var alternativeProblem);
                firstProblem ??= alternativeProblem is null ? null : $"'{alternative.Trim()}' {alternativeProblem}";
                return compiled;
            }).ToList();
            sets.Add(alternatives);
            problem = firstProblem;
            return new Pattern(source, [new PatternItem(ItemKind.Set, sets.Count - 1)]);
        }

        return CompileSequence(source, out problem);
    }

    private Pattern CompileSequence(string source, out string? problem)
    {
        problem = null;
        var items = new List<PatternItem>();
        foreach (var piece in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece == "...")
            {
                if (items.Count == 0)
                {
                    problem = "must not start with \"...\".";
                }

                items.Add(new PatternItem(ItemKind.Gap, GapWords));
            }
            else if (piece.StartsWith('{') && piece.EndsWith('}'))
            {
                var name = piece[1..^1];
                if (!setIndexes.TryGetValue(name, out var index))
                {
                    problem = $"refers to the word set '{name}', which is not defined in wordSets.";
                }
                else
                {
                    items.Add(new PatternItem(ItemKind.Set, index));
                }
            }
            else if (piece.EndsWith('*'))
            {
                var stem = TextNormalizer.Words(piece[..^1]);
                if (stem.Length != 1 || stem[0].Length < 3)
                {
                    problem = $"'{piece}': a stem before * must be one word of at least three letters.";
                }
                else
                {
                    items.Add(new PatternItem(ItemKind.Word, words.Add(stem[0], stem: true)));
                }
            }
            else
            {
                foreach (var word in TextNormalizer.Words(piece))
                {
                    items.Add(new PatternItem(ItemKind.Word, words.Add(word, stem: false)));
                }
            }
        }

        if (items.Count == 0 && problem is null)
        {
            problem = "has no words.";
        }

        if (items.Count > 0 && items[^1].Kind == ItemKind.Gap)
        {
            problem = "must not end with \"...\".";
        }

        return new Pattern(source, [.. items]);
    }
}

/// <summary>
/// Matches compiled patterns against one message's tokens. Word sets are matched once per position and remembered,
/// so a set used by many findings costs one pass.
/// </summary>
internal sealed class MessageMatcher
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly int[][] _wordIds;
    private readonly bool[] _gapStops;
    private readonly IReadOnlyList<SetIndex> _sets;
    private readonly Dictionary<(int Set, int Position), int[]> _setEnds = [];

    public MessageMatcher(NormalizedText text, WordIndex words, IReadOnlyList<SetIndex> sets, IReadOnlySet<string> gapStopWords)
    {
        _tokens = text.Tokens;
        _sets = sets;
        _wordIds = new int[_tokens.Count][];
        _gapStops = new bool[_tokens.Count];
        var resolved = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (!token.IsWord)
            {
                _wordIds[i] = [];
                _gapStops[i] = true;
                continue;
            }

            if (!resolved.TryGetValue(token.Text, out var ids))
            {
                resolved[token.Text] = ids = words.Resolve(token.Text);
            }

            _wordIds[i] = ids;
            _gapStops[i] = gapStopWords.Contains(token.Text);
        }
    }

    public int Length => _tokens.Count;

    /// <summary>The ids of the pattern words the token at this position can be.</summary>
    public int[] WordIdsAt(int position) => _wordIds[position];

    /// <summary>Where a match of <paramref name="pattern"/> starting at <paramref name="start"/> can end (exclusive).</summary>
    public IReadOnlyCollection<int> Ends(Pattern pattern, int start)
    {
        var ends = new HashSet<int>();
        Ends(pattern, start, ends);
        return ends;
    }

    /// <summary>As <see cref="Ends(Pattern, int)"/>, into a set the caller reuses: a long message tries many patterns.</summary>
    public void Ends(Pattern pattern, int start, HashSet<int> ends)
    {
        ends.Clear();
        Match(pattern.Items, 0, start, ends);
    }

    private void Match(PatternItem[] items, int index, int position, HashSet<int> ends)
    {
        if (index == items.Length)
        {
            ends.Add(position);
            return;
        }

        var item = items[index];
        switch (item.Kind)
        {
            case ItemKind.Word:
                if (position < _tokens.Count && Array.IndexOf(_wordIds[position], item.Value) >= 0)
                {
                    Match(items, index + 1, position + 1, ends);
                }

                break;
            case ItemKind.Set:
                foreach (var end in SetEnds(item.Value, position))
                {
                    Match(items, index + 1, end, ends);
                }

                break;
            case ItemKind.Gap:
                for (var skipped = 0; skipped <= item.Value && position + skipped <= _tokens.Count; skipped++)
                {
                    if (skipped > 0 && _gapStops[position + skipped - 1])
                    {
                        break;
                    }

                    Match(items, index + 1, position + skipped, ends);
                }

                break;
        }
    }

    private int[] SetEnds(int set, int position)
    {
        if (position >= _tokens.Count || !_tokens[position].IsWord)
        {
            return [];
        }

        if (_setEnds.TryGetValue((set, position), out var cached))
        {
            return cached;
        }

        // Marked before matching, so a set that names itself through another set cannot recurse forever.
        _setEnds[(set, position)] = [];
        var ends = new HashSet<int>();
        var index = _sets[set];
        foreach (var id in _wordIds[position])
        {
            if (index.ByFirstWord.TryGetValue(id, out var entries))
            {
                foreach (var entry in entries)
                {
                    Match(entry.Items, 0, position, ends);
                }
            }
        }

        foreach (var entry in index.StartingWithASet)
        {
            Match(entry.Items, 0, position, ends);
        }

        return _setEnds[(set, position)] = [.. ends];
    }
}
