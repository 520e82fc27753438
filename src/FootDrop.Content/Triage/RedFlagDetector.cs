using System.Text;
using FootDrop.Content.Text;

namespace FootDrop.Content.Triage;

/// <summary>What the detector found in one message.</summary>
public sealed record RedFlagResult(CareLevel Level, IReadOnlyList<string> RuleIds, ClarifyQuestion? Clarify)
{
    public static RedFlagResult Nothing { get; } = new(CareLevel.None, [], null);

    public bool IsRedFlag => Level >= CareLevel.Urgent;
}

/// <summary>
/// Reads a message for warning signs with the vocabulary in dialogs/redflags.json. It runs on every message, so it
/// is built once: phrases are indexed by their first word and matched over the message's words in one pass.
/// It errs towards care: a one-letter typo in a longer word still matches, and a question that speaks of "my" foot
/// counts as a report. A sign is ignored only when negated in its clause ("no numbness or tingling") or mentioned in a
/// general question ("what are the warning signs?").
/// </summary>
public sealed class RedFlagDetector
{
    /// <summary>Messages are read up to this many words, which keeps the cost bounded on a pasted essay.</summary>
    public const int MaxWords = 2000;

    /// <summary>A negation reaches this many words ahead ("don't have any numbness").</summary>
    private const int NegationReach = 3;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "or", "nor", "and", "any", "other", "either", "in", "my", "the", "of", "a" };
    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "i", "my", "me", "im", "ive", "mine", "myself" };
    private static readonly HashSet<string> AnswerFollowers = new(StringComparer.Ordinal) { "my", "i", "it", "its", "the", "im", "ive", "but", "now", "actually" };
    private static readonly string[] Unsure = ["not sure", "not certain", "dont know", "do not know", "no idea"];

    private readonly RedFlagVocabulary _vocabulary;
    private readonly PhraseIndex _concepts;
    private readonly PhraseIndex _negations;
    private readonly PhraseIndex _breaks;
    private readonly string[][] _hypotheticals;

    public RedFlagDetector(RedFlagVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _concepts = new PhraseIndex(vocabulary.Concepts.SelectMany(c => c.Phrases.Select(p => (c.Id, p))), fuzzy: true);
        _negations = new PhraseIndex(vocabulary.Negations.Select(n => ("negation", n)), fuzzy: false);
        _breaks = new PhraseIndex(vocabulary.ClauseBreaks.Append(",").Select(b => ("break", b)), fuzzy: false);
        _hypotheticals = vocabulary.Hypotheticals.Select(Words).ToArray();
    }

    public RedFlagVocabulary Vocabulary => _vocabulary;

    public RedFlagResult Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RedFlagResult.Nothing;
        }

        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in Sentences(text))
        {
            var words = Words(sentence);
            if (words.Length == 0 || IsGeneralQuestion(sentence, words.Where(w => w != ",").ToArray()))
            {
                continue;
            }

            CollectMentions(words, mentioned);
        }

        var fired = _vocabulary.Rules
            .Where(rule => rule.All.All(mentioned.Contains) && (rule.Any.Count == 0 || rule.Any.Any(mentioned.Contains)))
            .ToList();
        if (fired.Count > 0)
        {
            return new RedFlagResult(fired.Max(r => r.Level), fired.Select(r => r.Id).ToList(), null);
        }

        var clarify = _vocabulary.Clarify.FirstOrDefault(q => q.When.Any(mentioned.Contains) && !q.Unless.Any(mentioned.Contains));
        return clarify is null ? RedFlagResult.Nothing : new RedFlagResult(CareLevel.None, [], clarify);
    }

    /// <summary>The concepts a message mentions and does not negate (the symptom check reads onset words with it).</summary>
    public IReadOnlySet<string> MentionedConcepts(string? text)
    {
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var sentence in Sentences(text))
            {
                CollectMentions(Words(sentence), mentioned);
            }
        }

        return mentioned;
    }

    /// <summary>Finds each concept mention that is not negated, clause by clause.</summary>
    private void CollectMentions(string[] words, HashSet<string> mentioned)
    {
        var clauseStart = 0;
        var lastNegationEnd = -100;
        var lastMentionNegatedAt = -100;
        for (var i = 0; i < words.Length;)
        {
            if (_breaks.LongestAt(words, i) is { } brk)
            {
                clauseStart = i + brk.Length;
                lastNegationEnd = -100;
                lastMentionNegatedAt = -100;
                i += brk.Length;
                continue;
            }

            if (_negations.LongestAt(words, i) is { } negation && !IsBareAnswer(words, i, negation.Length))
            {
                lastNegationEnd = i + negation.Length;
                i += negation.Length;
                continue;
            }

            var matches = _concepts.AllAt(words, i);
            if (matches.Count == 0)
            {
                i++;
                continue;
            }

            var longest = matches.Max(m => m.Length);
            var negated = (lastNegationEnd >= clauseStart && i - lastNegationEnd <= NegationReach)
                || (lastMentionNegatedAt >= clauseStart && OnlyConnectorsBetween(words, lastMentionNegatedAt, i));
            foreach (var match in matches)
            {
                if (!negated)
                {
                    mentioned.Add(match.Id);
                }
            }

            if (negated)
            {
                lastMentionNegatedAt = i + longest;
            }

            // Overlapping mentions all count: "foot went floppy" is foot weakness, and its "went" marks an onset.
            i++;
        }
    }

    /// <summary>"No, my foot is numb": a bare no answering a question is not a negation of what follows.</summary>
    private static bool IsBareAnswer(string[] words, int at, int length)
        => length == 1 && words[at] is "no" or "nope" && at + 1 < words.Length && AnswerFollowers.Contains(words[at + 1]);

    private static bool OnlyConnectorsBetween(string[] words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!Connectors.Contains(words[k]))
            {
                return false;
            }
        }

        return to - from <= 3;
    }

    /// <summary>
    /// "What are the warning signs?" asks about signs without reporting one. A question that also speaks in the first
    /// person ("what should I do if my foot goes numb?") is treated as a report: when in doubt, care.
    /// </summary>
    private bool IsGeneralQuestion(string sentence, string[] words)
    {
        if (words.Length == 0 || words.Any(FirstPerson.Contains))
        {
            return false;
        }

        var looksLikeQuestion = sentence.TrimEnd().EndsWith('?') || words[0] is "what" or "when" or "how" or "should" or "is" or "are" or "can" or "does" or "do" or "why";
        return looksLikeQuestion && _hypotheticals.Any(h => ContainsSequence(words, h));
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        var limit = Math.Min(text.Length, MaxWords * 12);
        for (var i = 0; i < limit; i++)
        {
            if (text[i] is '.' or '!' or '?' or ';' or '\n' or ':')
            {
                // Keep the terminator with its sentence so a trailing '?' marks a question.
                yield return text.Substring(start, i - start + 1);
                start = i + 1;
            }
        }

        if (start < limit)
        {
            yield return text[start..limit];
        }
    }

    internal static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            // A comma stays as a word of its own: it ends a clause, and so the reach of a negation.
            builder.Append(char.IsLetterOrDigit(c) ? c.ToString() : c == ',' ? " , " : " ");
        }

        var normalized = builder.ToString();
        foreach (var phrase in Unsure)
        {
            normalized = normalized.Replace(phrase, "unsure", StringComparison.Ordinal);
        }

        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > MaxWords ? words[..MaxWords] : words;
    }

    private static bool ContainsSequence(string[] words, string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= words.Length; i++)
        {
            var all = true;
            for (var k = 0; k < sequence.Length && all; k++)
            {
                all = words[i + k] == sequence[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Phrases indexed by first word; matching tolerates one wrong, missing or extra letter in words of five or more.</summary>
    private sealed class PhraseIndex
    {
        private readonly Dictionary<string, List<(string Id, string[] Words)>> _byFirst = new(StringComparer.Ordinal);
        private readonly List<(string Key, List<(string Id, string[] Words)> Entries)> _fuzzyFirst = [];
        private readonly bool _fuzzy;

        public PhraseIndex(IEnumerable<(string Id, string Phrase)> phrases, bool fuzzy)
        {
            _fuzzy = fuzzy;
            foreach (var (id, phrase) in phrases)
            {
                var words = Words(phrase);
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_byFirst.TryGetValue(words[0], out var list))
                {
                    _byFirst[words[0]] = list = [];
                    if (words[0].Length >= 5)
                    {
                        _fuzzyFirst.Add((words[0], list));
                    }
                }

                list.Add((id, words));
            }
        }

        public (string Id, int Length)? LongestAt(string[] words, int at)
        {
            var all = AllAt(words, at);
            return all.Count == 0 ? null : all.MaxBy(m => m.Length);
        }

        public List<(string Id, int Length)> AllAt(string[] words, int at)
        {
            var found = new List<(string Id, int Length)>();
            Collect(words, at, _byFirst.GetValueOrDefault(words[at]), found);
            if (_fuzzy && words[at].Length >= 5)
            {
                foreach (var (key, entries) in _fuzzyFirst)
                {
                    if (key != words[at] && Math.Abs(key.Length - words[at].Length) <= 1 && Spelling.WithinOneEdit(key, words[at]))
                    {
                        Collect(words, at, entries, found);
                    }
                }
            }

            return found;
        }

        private void Collect(string[] words, int at, List<(string Id, string[] Words)>? entries, List<(string Id, int Length)> found)
        {
            if (entries is null)
            {
                return;
            }

            foreach (var (id, phrase) in entries)
            {
                if (at + phrase.Length > words.Length)
                {
                    continue;
                }

                var matches = true;
                for (var k = 1; k < phrase.Length && matches; k++)
                {
                    matches = words[at + k] == phrase[k] || (_fuzzy && phrase[k].Length >= 5 && Spelling.WithinOneEdit(words[at + k], phrase[k]));
                }

                if (matches && !found.Contains((id, phrase.Length)))
                {
                    found.Add((id, phrase.Length));
                }
            }
        }
    }
}
