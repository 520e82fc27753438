namespace FootDrop.Content.Triage.Matching;

internal sealed record CompiledNear(Pattern Sign, Pattern Where, int Within);

internal sealed record CompiledFinding(int Index, string Id, Pattern[] Phrases, CompiledNear[] Near, Pattern[] Except, FindingTiming? Timing);

internal sealed record CompiledModifier(ContextRule Rule, Pattern Pattern);

/// <summary>A word set's entries by their first word, so a position is tried only against entries that can start there.</summary>
internal sealed record SetIndex(IReadOnlyDictionary<int, Pattern[]> ByFirstWord, Pattern[] StartingWithASet);

/// <summary>The red-flag and context vocabularies compiled once into patterns over one word index.</summary>
internal sealed class CompiledVocabulary
{
    private CompiledVocabulary(
        WordIndex words,
        IReadOnlyList<IReadOnlyList<Pattern>> sets,
        CompiledFinding[] findings,
        CompiledModifier[] modifiers,
        Pattern[] generalQuestionStarts,
        Pattern[] generalQuestionPhrases,
        Pattern[] selfWords,
        Pattern[] otherPersonWords,
        Pattern[] denials,
        IReadOnlySet<string> gapStops)
    {
        Words = words;
        Sets = sets;
        Findings = findings;
        Modifiers = modifiers;
        GeneralQuestionStarts = generalQuestionStarts;
        GeneralQuestionPhrases = generalQuestionPhrases;
        SelfWords = selfWords;
        OtherPersonWords = otherPersonWords;
        Denials = denials;
        GapStops = gapStops;
        StartIndex = BuildStartIndex();
        SetIndexes = [.. sets.Select(IndexSet)];
    }

    /// <summary>
    /// Whether these patterns were compiled from exactly these lists, so the loader's compilation (made to check every
    /// pattern) can serve the detector too, and a vocabulary copied with other lists is compiled anew.
    /// </summary>
    public bool CompiledFrom(RedFlagVocabulary vocabulary) =>
        ReferenceEquals(Sources.WordSets, vocabulary.WordSets) && ReferenceEquals(Sources.Findings, vocabulary.Findings) && ReferenceEquals(Sources.Context, vocabulary.Context);

    private (IReadOnlyDictionary<string, IReadOnlyList<string>> WordSets, IReadOnlyList<Finding> Findings, ContextVocabulary Context) Sources { get; init; }

    /// <summary>Each word set's entries by first word (see <see cref="SetIndex"/>), in the order of <see cref="Sets"/>.</summary>
    public IReadOnlyList<SetIndex> SetIndexes { get; }

    /// <summary>
    /// For each word, the patterns that can begin with it. A message is matched by looking up each of its words here,
    /// so the cost grows with the message, not with the message times the vocabulary.
    /// </summary>
    public IReadOnlyDictionary<int, Pattern[]> StartIndex { get; }

    public WordIndex Words { get; }

    public IReadOnlyList<IReadOnlyList<Pattern>> Sets { get; }

    public CompiledFinding[] Findings { get; }

    public CompiledModifier[] Modifiers { get; }

    public Pattern[] GeneralQuestionStarts { get; }

    public Pattern[] GeneralQuestionPhrases { get; }

    public Pattern[] SelfWords { get; }

    public Pattern[] OtherPersonWords { get; }

    public Pattern[] Denials { get; }

    /// <summary>Single words no "..." may skip: a gap must never swallow a negation.</summary>
    public IReadOnlySet<string> GapStops { get; }

    /// <summary>
    /// Compiles everything; <paramref name="report"/> receives (JSON path, problem) for each pattern that cannot be
    /// compiled, and the loader turns the first into a start-up error naming the file and field.
    /// </summary>
    public static CompiledVocabulary Compile(
        IReadOnlyDictionary<string, IReadOnlyList<string>> wordSets,
        IReadOnlyList<Finding> findings,
        ContextVocabulary context,
        Action<string, string>? report = null)
    {
        var words = new WordIndex();
        var setIndexes = wordSets.Keys.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

        // Named sets first, at their indexes; alternatives ("a|b") are appended as unnamed sets while compiling.
        var sets = wordSets.Keys.Select(_ => (IReadOnlyList<Pattern>)[]).ToList();
        var compiler = new PatternCompiler(words, setIndexes, sets);

        Pattern Compile(string source, string path)
        {
            var pattern = compiler.Compile(source, out var problem);
            if (problem is not null)
            {
                report?.Invoke(path, problem);
            }

            return pattern;
        }

        foreach (var (name, entries) in wordSets)
        {
            sets[setIndexes[name]] = entries.Select((entry, i) => Compile(entry, $"$.wordSets.{name}[{i}]")).ToList();
        }

        var compiledFindings = findings.Select((finding, f) => new CompiledFinding(
            f,
            finding.Id,
            [.. finding.Phrases.Select((p, i) => Compile(p, $"$.findings[{f}].phrases[{i}]"))],
            [.. finding.Near.Select((n, i) => new CompiledNear(
                Compile(n.Sign, $"$.findings[{f}].near[{i}].sign"),
                Compile(n.Where, $"$.findings[{f}].near[{i}].where"),
                n.Within))],
            [.. finding.Except.Select((p, i) => Compile(p, $"$.findings[{f}].except[{i}]"))],
            finding.Timing)).ToArray();

        var modifiers = context.Modifiers
            .SelectMany((rule, r) => rule.Phrases.Select((p, i) => new CompiledModifier(rule, Compile(p, $"$.modifiers[{r}].phrases[{i}]"))))
            .ToArray();

        var gapStops = context.Modifiers
            .Where(m => m.Category == ContextCategory.Negated)
            .SelectMany(m => m.Phrases)
            .Select(Text.TextNormalizer.Words)
            .Where(w => w.Length == 1)
            .Select(w => w[0])
            .ToHashSet(StringComparer.Ordinal);

        return new CompiledVocabulary(
            words,
            sets,
            compiledFindings,
            modifiers,
            [.. context.GeneralQuestionStarts.Select((p, i) => Compile(p, $"$.generalQuestions.starts[{i}]"))],
            [.. context.GeneralQuestionPhrases.Select((p, i) => Compile(p, $"$.generalQuestions.phrases[{i}]"))],
            [.. context.SelfWords.Select((p, i) => Compile(p, $"$.people.self[{i}]"))],
            [.. context.OtherPersonWords.Select((p, i) => Compile(p, $"$.people.others[{i}]"))],
            [.. context.AnswersDenyingWhatWasAsked.Select((p, i) => Compile(p, $"$.answersDenyingWhatWasAsked[{i}]"))],
            gapStops)
        {
            Sources = (wordSets, findings, context),
        };
    }

    private Dictionary<int, Pattern[]> BuildStartIndex()
    {
        var all = Findings.SelectMany(f => f.Phrases.Concat(f.Near.SelectMany(n => new[] { n.Sign, n.Where })).Concat(f.Except))
            .Concat(Modifiers.Select(m => m.Pattern))
            .Concat(GeneralQuestionStarts).Concat(GeneralQuestionPhrases).Concat(SelfWords).Concat(OtherPersonWords).Concat(Denials)
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Pattern>();
        var setFirsts = new Dictionary<int, HashSet<int>>();
        var index = new Dictionary<int, List<Pattern>>();
        foreach (var pattern in all)
        {
            foreach (var word in First(pattern, setFirsts))
            {
                if (!index.TryGetValue(word, out var list))
                {
                    index[word] = list = [];
                }

                list.Add(pattern);
            }
        }

        return index.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private HashSet<int> First(Pattern pattern, Dictionary<int, HashSet<int>> setFirsts)
    {
        if (pattern.Items.Length == 0)
        {
            return [];
        }

        var item = pattern.Items[0];
        if (item.Kind == ItemKind.Word)
        {
            return [item.Value];
        }

        if (item.Kind != ItemKind.Set)
        {
            return [];
        }

        if (setFirsts.TryGetValue(item.Value, out var known))
        {
            return known;
        }

        // Marked before filling, so a set that reaches itself stops here.
        var first = setFirsts[item.Value] = [];
        foreach (var entry in Sets[item.Value])
        {
            first.UnionWith(First(entry, setFirsts));
        }

        return first;
    }

    /// <summary>The first word set that reaches itself through other sets, if any (it would match nothing).</summary>
    private static SetIndex IndexSet(IReadOnlyList<Pattern> entries)
    {
        var byWord = new Dictionary<int, List<Pattern>>();
        var others = new List<Pattern>();
        foreach (var entry in entries)
        {
            if (entry.Items.Length > 0 && entry.Items[0].Kind == ItemKind.Word)
            {
                if (!byWord.TryGetValue(entry.Items[0].Value, out var list))
                {
                    byWord[entry.Items[0].Value] = list = [];
                }

                list.Add(entry);
            }
            else
            {
                others.Add(entry);
            }
        }

        return new SetIndex(byWord.ToDictionary(p => p.Key, p => p.Value.ToArray()), [.. others]);
    }

    public static string? FindSetCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> wordSets)
    {
        var references = wordSets.ToDictionary(
            set => set.Key,
            set => set.Value.SelectMany(entry => entry.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries))
                .Where(piece => piece.StartsWith('{') && piece.EndsWith('}'))
                .Select(piece => piece[1..^1])
                .Where(wordSets.ContainsKey)
                .ToList(),
            StringComparer.Ordinal);

        foreach (var start in references.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(references[start]);
            while (pending.TryPop(out var name))
            {
                if (name == start)
                {
                    return start;
                }

                if (seen.Add(name))
                {
                    foreach (var next in references[name])
                    {
                        pending.Push(next);
                    }
                }
            }
        }

        return null;
    }
}
