using FootDrop.Content.Text;
using FootDrop.Content.Triage.Matching;

namespace FootDrop.Content.Triage.Reading;

/// <summary>What a finding's mention turned out to be once its context was read.</summary>
public enum MentionStatus
{
    /// <summary>Reported as happening: counts towards a rule.</summary>
    Affirmed,

    Negated,

    /// <summary>Long-standing and unchanged, or in the past.</summary>
    Historical,

    /// <summary>Over: "went away", "cleared up", "nothing since".</summary>
    Resolved,

    /// <summary>"If my foot ever goes numb...".</summary>
    Hypothetical,

    /// <summary>Inside a general question ("what are the signs of a stroke?").</summary>
    General,
}

/// <summary>One mention of a finding: where it is, what it is, and whose it is.</summary>
public sealed record FindingMention(string FindingId, int Start, int End, MentionStatus Status, bool AboutSomeoneElse, string Why);

/// <summary>
/// Reads one message the way clinical NLP's ConText does: first the findings (signs, body parts, times), then the
/// modifiers around them (negation, history, hypotheticals) within their reach, stopped by the end of a sentence or a
/// word such as "but". A trigger that is part of a finding ("can't" in "can't lift my foot") modifies nothing.
/// </summary>
internal sealed class MessageReading
{
    /// <summary>Synthetic findings from the time recogniser, for rules to name like any other.</summary>
    public const string WhenHours = "when-within-hours";
    public const string WhenRecent = "when-recent";
    public const string WhenLongAgo = "when-long-ago";

    private static readonly HashSet<string> ListConnectors = new(StringComparer.Ordinal) { "or", "and", "nor", "any", "no", "either", "also", "anything", "else", "other", "any other" };

    /// <summary>Words that make a finding a double negative in many dialects ("can't move my legs none").</summary>
    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal) { "not", "no", "never", "nothing", "none", "without", "nor" };

    private readonly NormalizedText _text;
    private readonly CompiledVocabulary _vocabulary;
    private readonly MessageMatcher _matcher;
    private readonly int[] _sentenceOf;
    private readonly List<(int Start, int End, bool IsQuestion)> _sentences;
    private readonly HashSet<string> _timing;

    private MessageReading(NormalizedText text, CompiledVocabulary vocabulary)
    {
        _text = text;
        _vocabulary = vocabulary;
        _timing = vocabulary.Findings.Where(f => f.Timing).Select(f => f.Id).Concat([WhenHours, WhenRecent, WhenLongAgo]).ToHashSet(StringComparer.Ordinal);
        _matcher = new MessageMatcher(text, vocabulary.Words, vocabulary.Sets, vocabulary.GapStops);
        _sentences = [.. text.Sentences()];
        _sentenceOf = new int[text.Tokens.Count];
        Array.Fill(_sentenceOf, -1);
        for (var s = 0; s < _sentences.Count; s++)
        {
            for (var i = _sentences[s].Start; i < _sentences[s].End; i++)
            {
                _sentenceOf[i] = s;
            }
        }
    }

    public IReadOnlyList<FindingMention> Mentions { get; private set; } = [];

    /// <summary>True when the message names someone else more than the writer ("my husband's face...").</summary>
    public bool MostlyAboutSomeoneElse { get; private set; }

    /// <summary>True when anything in the message speaks of the past or of a long-standing problem.</summary>
    public bool HasLongStandingContext { get; private set; }

    /// <summary>The findings that say when or how something began or changed.</summary>
    public bool IsTiming(string findingId) => _timing.Contains(findingId);

    private List<Modifier> _modifiers = [];
    private List<int> _recentMarks = [];
    private HashSet<int> _generalSentences = [];

    public static MessageReading Read(NormalizedText text, CompiledVocabulary vocabulary, ContextVocabulary context, Func<NormalizedText, IReadOnlyList<TimeMention>>? times)
    {
        var reading = new MessageReading(text, vocabulary);
        var occurrences = reading.FindOccurrences();
        if (occurrences.Count > 0 && times is not null)
        {
            foreach (var time in times(text))
            {
                var id = time.AgeDays <= 1 ? WhenHours : time.AgeDays <= context.RecentDays ? WhenRecent : time.AgeDays >= context.LongStandingDays ? WhenLongAgo : null;
                if (id is not null)
                {
                    occurrences.Add(new Occurrence(id, time.StartToken, time.EndToken, time.StartToken, time.EndToken, -1, -1));
                }

                if (id == WhenHours)
                {
                    occurrences.Add(new Occurrence(WhenRecent, time.StartToken, time.EndToken, time.StartToken, time.EndToken, -1, -1));
                }
            }
        }

        reading.Mentions = reading.ReadContext(occurrences);
        return reading;
    }

    private readonly record struct Occurrence(string FindingId, int Start, int End, int HeadStart, int HeadEnd, int WhereStart, int WhereEnd)
    {
        public bool Covers(int token) => (token >= HeadStart && token < HeadEnd) || (token >= WhereStart && token < WhereEnd);

        public bool Overlaps(int start, int end) => (start < HeadEnd && end > HeadStart) || (start < WhereEnd && end > WhereStart);
    }

    private readonly record struct Modifier(ContextRule Rule, int Start, int End);

    private List<Occurrence> FindOccurrences()
    {
        var found = new HashSet<Occurrence>();
        var length = _matcher.Length;
        foreach (var finding in _vocabulary.Findings)
        {
            var before = found.Count;
            for (var start = 0; start < length; start++)
            {
                if (!_text.Tokens[start].IsWord)
                {
                    continue;
                }

                foreach (var phrase in finding.Phrases)
                {
                    foreach (var end in _matcher.Ends(phrase, start))
                    {
                        found.Add(new Occurrence(finding.Id, start, end, start, end, -1, -1));
                    }
                }
            }

            foreach (var near in finding.Near)
            {
                var signs = Spans(near.Sign);
                if (signs.Count == 0)
                {
                    continue;
                }

                var wheres = Spans(near.Where);
                foreach (var sign in signs)
                {
                    foreach (var where in wheres)
                    {
                        if (_sentenceOf[sign.Start] == _sentenceOf[where.Start] && WordsBetween(sign, where) <= near.Within && (sign.End <= where.Start || where.End <= sign.Start))
                        {
                            found.Add(new Occurrence(finding.Id, Math.Min(sign.Start, where.Start), Math.Max(sign.End, where.End), sign.Start, sign.End, where.Start, where.End));
                        }
                    }
                }
            }

            if (finding.Except.Length > 0 && found.Count > before)
            {
                // "The bottom of my foot" is not the bottom one sits on; "foot drop" names the condition, not a sign.
                var excepted = finding.Except.SelectMany(Spans).ToList();
                found.RemoveWhere(o => o.FindingId == finding.Id && excepted.Any(e => o.Overlaps(e.Start, e.End)));
            }
        }

        return [.. found];
    }

    private List<(int Start, int End)> Spans(Pattern pattern)
    {
        var spans = new List<(int, int)>();
        for (var start = 0; start < _matcher.Length; start++)
        {
            if (_text.Tokens[start].IsWord)
            {
                foreach (var end in _matcher.Ends(pattern, start))
                {
                    spans.Add((start, end));
                }
            }
        }

        return spans;
    }

    private int WordsBetween((int Start, int End) a, (int Start, int End) b)
    {
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += _text.Tokens[i].IsWord ? 1 : 0;
        }

        return count;
    }

    private List<FindingMention> ReadContext(List<Occurrence> occurrences)
    {
        var modifiers = _modifiers = FindModifiers(occurrences);
        var terminators = modifiers.Where(m => m.Rule.Category == ContextCategory.Terminate).ToList();
        var longAgo = occurrences.Where(o => o.FindingId == WhenLongAgo).ToList();
        var generalSentences = _generalSentences = GeneralQuestionSentences();
        var people = PersonMentions();
        MostlyAboutSomeoneElse = people.Count(p => p.Other) > people.Count(p => !p.Other);
        HasLongStandingContext = longAgo.Count > 0 || modifiers.Any(m => m.Rule.Category is ContextCategory.Historical or ContextCategory.Resolved);

        // Only a date or duration read as recent ("since lunchtime", "3 days ago") outweighs a long-standing marker.
        _recentMarks = occurrences.Where(o => o.FindingId is WhenRecent or WhenHours).Select(o => o.HeadStart).ToList();
        var ordered = occurrences.OrderBy(o => o.HeadStart).ThenBy(o => o.End).ToList();
        var statuses = new Dictionary<Occurrence, (MentionStatus Status, string Why)>();
        foreach (var occurrence in ordered)
        {
            statuses[occurrence] = Status(occurrence, modifiers, terminators, longAgo, generalSentences);
        }

        InheritListNegation(ordered, statuses);
        NegateAnsweredQuestions(ordered, statuses);

        return ordered.Select(o => new FindingMention(o.FindingId, o.Start, o.End, statuses[o].Status, IsAboutSomeoneElse(o, people), statuses[o].Why)).ToList();
    }

    private List<Modifier> FindModifiers(List<Occurrence> occurrences)
    {
        var all = new List<Modifier>();
        foreach (var modifier in _vocabulary.Modifiers)
        {
            for (var start = 0; start < _matcher.Length; start++)
            {
                if (!_text.Tokens[start].IsWord)
                {
                    continue;
                }

                foreach (var end in _matcher.Ends(modifier.Pattern, start))
                {
                    all.Add(new Modifier(modifier.Rule, start, end));
                }
            }
        }

        var pseudo = all.Where(m => m.Rule.Category == ContextCategory.Pseudo).ToList();
        return all
            // A phrase that only looks like a trigger ("not sure", "no better", "gone up my leg") is not one.
            .Where(m => m.Rule.Category != ContextCategory.Pseudo && !pseudo.Any(p => p.Start < m.End && p.End > m.Start && p.End - p.Start >= m.End - m.Start))
            // A trigger inside a sign ("not" in "can not lift my foot") is part of what is reported.
            .Where(m => m.Rule.Category == ContextCategory.Terminate || !occurrences.Any(o => !IsTime(o) && ContainsAll(o, m)))
            .ToList();
    }

    private bool IsTime(Occurrence o) => _timing.Contains(o.FindingId);

    /// <summary>"Can't feel my legs none", "can't feel nothing": a sign that is itself a negation is not undone by one.</summary>
    private bool IsNegativeSign(Occurrence o)
    {
        for (var i = o.HeadStart; i < o.HeadEnd; i++)
        {
            if (NegationWords.Contains(_text.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAll(Occurrence o, Modifier m)
    {
        for (var i = m.Start; i < m.End; i++)
        {
            if (!o.Covers(i))
            {
                return false;
            }
        }

        return true;
    }

    private (MentionStatus, string) Status(Occurrence o, List<Modifier> modifiers, List<Modifier> terminators, List<Occurrence> longAgo, HashSet<int> generalSentences)
    {
        var sentence = _sentenceOf[o.HeadStart];
        if (generalSentences.Contains(sentence))
        {
            return (MentionStatus.General, "general question");
        }

        var recentInClause = !IsTime(o) && _recentMarks.Any(t => ClauseOf(t) == ClauseOf(o.HeadStart));
        foreach (var category in new[] { ContextCategory.Negated, ContextCategory.Resolved, ContextCategory.Hypothetical, ContextCategory.Historical })
        {
            if ((category == ContextCategory.Negated && IsNegativeSign(o)) || (category == ContextCategory.Historical && recentInClause))
            {
                // A negative sign is not undone by a negation; a sign said to be new in its own clause ("both legs
                // numb since lunchtime, and the right one's always been my good leg") is not made old by the rest.
                continue;
            }

            foreach (var m in modifiers)
            {
                if (m.Rule.Category == category && !o.Overlaps(m.Start, m.End) && Reaches(m, o, terminators))
                {
                    return (category switch
                    {
                        ContextCategory.Negated => MentionStatus.Negated,
                        ContextCategory.Resolved => MentionStatus.Resolved,
                        ContextCategory.Hypothetical => MentionStatus.Hypothetical,
                        _ => MentionStatus.Historical,
                    }, $"{category.ToString().ToLowerInvariant()}: {Phrase(m.Start, m.End)}");
                }
            }
        }

        // A long-ago time in the same sentence ("in 2015", "for ten years") makes a sign part of the past.
        if (!IsTime(o) && !recentInClause)
        {
            foreach (var time in longAgo)
            {
                if (_sentenceOf[time.Start] == sentence && !TerminatorBetween(time, o, terminators))
                {
                    return (MentionStatus.Historical, $"long ago: {Phrase(time.Start, time.End)}");
                }
            }
        }

        return (MentionStatus.Affirmed, "reported");
    }

    private bool Reaches(Modifier m, Occurrence o, List<Modifier> terminators)
    {
        if (_sentenceOf[m.Start] != _sentenceOf[o.HeadStart])
        {
            return false;
        }

        var forward = m.End <= o.HeadStart;
        var backward = o.HeadEnd <= m.Start;

        // "Pins and needles since yesterday, normal?" asks; it does not deny.
        if (backward && m.Rule.Category == ContextCategory.Negated && _sentences[_sentenceOf[m.Start]].IsQuestion)
        {
            return false;
        }
        if ((forward && m.Rule.Direction == ContextDirection.Backward) || (backward && m.Rule.Direction == ContextDirection.Forward) || (!forward && !backward))
        {
            return false;
        }

        var (from, to) = forward ? (m.End, o.HeadStart) : (o.HeadEnd, m.Start);
        var words = 0;
        for (var i = from; i < to; i++)
        {
            if (_text.Tokens[i].IsWord)
            {
                words++;
            }
            else if ((forward && m.Rule.Category is ContextCategory.Negated or ContextCategory.Hypothetical) || (backward && m.Rule.Category == ContextCategory.Negated))
            {
                // A comma ends a negation ("no pain, my foot is numb"; "her foot is dragging, the hospital said
                // recovery is fine") and a condition ("not sure if it matters, her face is drooping"); lists of negated
                // signs are handled separately.
                return false;
            }
        }

        if (m.Rule.MaxScope > 0 && words > m.Rule.MaxScope)
        {
            return false;
        }

        // "No" alone before a comma answers a question; it does not negate what follows ("no, my foot is numb").
        if (forward && m.Rule.Category == ContextCategory.Negated && m.End < _text.Tokens.Count && !_text.Tokens[m.End].IsWord)
        {
            return false;
        }

        // A condition runs to the end of its clause whatever it passes ("if my leg just goes numb").
        return m.Rule.Category == ContextCategory.Hypothetical || !terminators.Any(t => t.Start >= from && t.End <= to);
    }

    /// <summary>A clause: the stretch of a sentence between commas (and sentence ends), numbered by its first token.</summary>
    private int ClauseOf(int token)
    {
        var start = token;
        while (start > 0 && _text.Tokens[start - 1].IsWord)
        {
            start--;
        }

        return start;
    }

    private bool TerminatorBetween(Occurrence a, Occurrence b, List<Modifier> terminators)
    {
        var from = Math.Min(a.End, b.End);
        var to = Math.Max(a.Start, b.Start);
        return terminators.Any(t => t.Start >= from && t.End <= to);
    }

    /// <summary>"No numbness, tingling or pain": a negation carries through a list of findings joined by commas and "or".</summary>
    private void InheritListNegation(List<Occurrence> ordered, Dictionary<Occurrence, (MentionStatus Status, string Why)> statuses)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            if (statuses[current].Status != MentionStatus.Affirmed || IsTime(current))
            {
                continue;
            }

            for (var j = i - 1; j >= 0; j--)
            {
                var previous = ordered[j];
                if (statuses[previous].Status != MentionStatus.Negated || previous.End > current.HeadStart || IsTime(previous))
                {
                    continue;
                }

                if (OnlyConnectorsBetween(previous.End, current.HeadStart))
                {
                    statuses[current] = (MentionStatus.Negated, "negated in a list");
                    break;
                }
            }
        }
    }

    private bool OnlyConnectorsBetween(int from, int to)
    {
        if (to - from > 4)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            var token = _text.Tokens[i];
            if (token.Kind == TokenKind.SentenceEnd || (token.IsWord && !ListConnectors.Contains(token.Text)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "Tingling? No." A sentence that is only a denial, or says "no to all of them", answers the question (or the
    /// doctor's questions) just before it.
    /// </summary>
    private void NegateAnsweredQuestions(List<Occurrence> ordered, Dictionary<Occurrence, (MentionStatus Status, string Why)> statuses)
    {
        for (var s = 1; s < _sentences.Count; s++)
        {
            var asked = _sentences[s - 1].IsQuestion || _modifiers.Any(m => m.Rule.Category == ContextCategory.Hypothetical && _sentenceOf[m.Start] == s - 1);
            var denied = IsBareDenial(_sentences[s])
                || (IsShort(_sentences[s - 1]) && StartsWithDenial(_sentences[s]))
                || AnyMatch(_vocabulary.Denials, _sentences[s].Start, _sentences[s].End);
            if (!asked || !denied)
            {
                continue;
            }

            foreach (var o in ordered.Where(o => _sentenceOf[o.HeadStart] == s - 1 && statuses[o].Status == MentionStatus.Affirmed))
            {
                statuses[o] = (MentionStatus.Negated, "answered no");
            }
        }
    }

    /// <summary>"Falls? Not for ages." A one-to-four word question answered by a sentence that starts with a denial.</summary>
    private bool IsShort((int Start, int End, bool IsQuestion) sentence)
        => Enumerable.Range(sentence.Start, sentence.End - sentence.Start).Count(i => _text.Tokens[i].IsWord) <= 4;

    private bool StartsWithDenial((int Start, int End, bool IsQuestion) sentence)
        => _text.Tokens[sentence.Start] is { IsWord: true } first && first.Text is "no" or "nope" or "nah" or "not" or "never" or "none" or "zero" or "nothing";

    private static readonly HashSet<string> DenialWords = new(StringComparer.Ordinal) { "no", "nope", "nah", "none", "not", "really", "at", "all", "also", "again", "never", "neither", "nothing" };

    private bool IsBareDenial((int Start, int End, bool IsQuestion) sentence)
    {
        var words = Enumerable.Range(sentence.Start, sentence.End - sentence.Start).Where(i => _text.Tokens[i].IsWord).Select(i => _text.Tokens[i].Text).ToList();
        return words.Count is > 0 and <= 4 && words.All(DenialWords.Contains) && words.Any(w => w is "no" or "nope" or "nah" or "none" or "not" or "never" or "nothing");
    }

    /// <summary>
    /// A question that names nobody ("is numbness a warning sign?", "what are the signs of a stroke?") asks about signs
    /// without reporting one. A question about someone ("why is my foot numb?") is a report.
    /// </summary>
    private HashSet<int> GeneralQuestionSentences()
    {
        var general = new HashSet<int>();
        for (var s = 0; s < _sentences.Count; s++)
        {
            var (start, end, isQuestion) = _sentences[s];
            if (AnyMatch(_vocabulary.SelfWords, start, end) || AnyMatch(_vocabulary.OtherPersonWords, start, end))
            {
                continue;
            }

            // "Can't walk" starts with "can" but asks nothing.
            var negatedStart = start + 1 < end && _text.Tokens[start + 1].Text == "not";
            var startsLikeQuestion = !negatedStart && _vocabulary.GeneralQuestionStarts.Any(p => _matcher.Ends(p, start).Count > 0);
            if (((isQuestion || startsLikeQuestion) && (startsLikeQuestion || AnyMatch(_vocabulary.GeneralQuestionPhrases, start, end)))
                || AnyMatch(_vocabulary.GeneralQuestionPhrases, start, end))
            {
                general.Add(s);
            }
        }

        return general;
    }

    private bool AnyMatch(Pattern[] patterns, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            foreach (var pattern in patterns)
            {
                if (_matcher.Ends(pattern, i).Any(e => e <= end))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Each person word's position and whether it is someone else ("my dad", "she") or the writer.</summary>
    private List<(int Position, bool Other)> PersonMentions()
    {
        var people = new List<(int, bool)>();
        for (var i = 0; i < _matcher.Length; i++)
        {
            if (_vocabulary.OtherPersonWords.Any(p => _matcher.Ends(p, i).Count > 0))
            {
                people.Add((i, true));
            }
            else if (_vocabulary.SelfWords.Any(p => _matcher.Ends(p, i).Count > 0))
            {
                people.Add((i, false));
            }
        }

        return people;
    }

    /// <summary>Whose sign it is: the nearest person named before it ("my dad's face" is the dad's; "his arm" is his).</summary>
    private static bool IsAboutSomeoneElse(Occurrence o, List<(int Position, bool Other)> people)
    {
        var before = people.Where(p => p.Position < o.HeadStart).ToList();
        if (before.Count > 0)
        {
            return before[^1].Other;
        }

        var after = people.FirstOrDefault(p => p.Position >= o.HeadStart);
        return after != default && after.Other;
    }

    /// <summary>
    /// The clauses no modifier touches, as canonical text for the sentence model, which cannot see negation or history
    /// itself. A clause is a sentence cut at a terminator ("but", "and now"); clauses with more words come first.
    /// </summary>
    public IReadOnlyList<string> CleanClauses(int max)
    {
        var clauses = new List<string>();
        for (var s = 0; s < _sentences.Count; s++)
        {
            if (_generalSentences.Contains(s))
            {
                continue;
            }

            var (start, end, _) = _sentences[s];
            var cuts = _modifiers.Where(m => m.Rule.Category == ContextCategory.Terminate && m.Start >= start && m.End <= end).Select(m => (m.Start, m.End)).OrderBy(c => c.Start).ToList();
            var from = start;
            foreach (var (cutStart, cutEnd) in cuts.Append((end, end)))
            {
                if (cutStart > from && !_modifiers.Any(m => m.Rule.Category != ContextCategory.Terminate && m.Start >= from && m.End <= cutStart))
                {
                    var clause = Phrase(from, cutStart);
                    if (clause.Count(c => c == ' ') >= 2)
                    {
                        clauses.Add(clause);
                    }
                }

                from = Math.Max(from, cutEnd);
            }
        }

        return [.. clauses.Distinct().OrderByDescending(c => c.Length).Take(max)];
    }

    private string Phrase(int start, int end)
        => string.Join(' ', Enumerable.Range(start, end - start).Select(i => _text.Tokens[i]).Where(t => t.IsWord).Select(t => t.Text));
}
