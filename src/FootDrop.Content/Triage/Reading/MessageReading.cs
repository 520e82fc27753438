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
    public const string OnsetTrigger = "onset-trigger";
    public const string WhenLongAgo = "when-long-ago";

    private readonly NormalizedText _text;
    private readonly CompiledVocabulary _vocabulary;
    private readonly MessageMatcher _matcher;
    private readonly int[] _sentenceOf;
    private readonly List<(int Start, int End, bool IsQuestion)> _sentences;
    private readonly HashSet<string> _timing;
    private readonly HashSet<string> _recentTiming;
    private HashSet<int> _datedRecentClauses = [];
    private HashSet<int> _longAgoClauses = [];

    /// <summary>Dates read as recent and the words of a recent start ("since teatime", "just now"), wherever they are.</summary>
    private List<Occurrence> _recentlyTimed = [];

    /// <summary>Findings that a rule reports on its own or with others, from the detector.</summary>
    private readonly IReadOnlySet<string> _signs;
    private List<Occurrence> _triggers = [];
    private readonly HashSet<string> _changeTiming;

    private MessageReading(NormalizedText text, CompiledVocabulary vocabulary, IReadOnlySet<string> signs)
    {
        _text = text;
        _vocabulary = vocabulary;
        _signs = signs;
        _timing = vocabulary.Findings.Where(f => f.Timing is not null).Select(f => f.Id).Concat([WhenHours, WhenRecent, WhenLongAgo]).ToHashSet(StringComparer.Ordinal);
        _recentTiming = vocabulary.Findings.Where(f => f.Timing == FindingTiming.Recent).Select(f => f.Id).Concat([WhenHours, WhenRecent]).ToHashSet(StringComparer.Ordinal);
        _changeTiming = vocabulary.Findings.Where(f => f.Timing == FindingTiming.Change).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        _matcher = new MessageMatcher(text, vocabulary.Words, vocabulary.SetIndexes, vocabulary.GapStops);
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

        _clauseStart = new int[text.Tokens.Count];
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            _clauseStart[i] = i > 0 && text.Tokens[i - 1].IsWord ? _clauseStart[i - 1] : i;
        }

        // Every pattern's matches, found by looking each word up in the vocabulary's start index.
        _spans = new Dictionary<Pattern, List<(int Start, int End)>>(ReferenceEqualityComparer.Instance);
        var candidates = new HashSet<Pattern>(ReferenceEqualityComparer.Instance);
        var ends = new HashSet<int>();
        for (var i = 0; i < _matcher.Length; i++)
        {
            if (!text.Tokens[i].IsWord)
            {
                continue;
            }

            candidates.Clear();
            foreach (var id in _matcher.WordIdsAt(i))
            {
                if (vocabulary.StartIndex.TryGetValue(id, out var patterns))
                {
                    candidates.UnionWith(patterns);
                }
            }

            foreach (var pattern in candidates)
            {
                _matcher.Ends(pattern, i, ends);
                foreach (var end in ends)
                {
                    if (!_spans.TryGetValue(pattern, out var list))
                    {
                        _spans[pattern] = list = [];
                    }

                    list.Add((i, end));
                }
            }
        }
    }

    private readonly Dictionary<Pattern, List<(int Start, int End)>> _spans;
    private readonly int[] _clauseStart;

    private IReadOnlyList<(int Start, int End)> Spans(Pattern pattern) => _spans.TryGetValue(pattern, out var spans) ? spans : [];

    public IReadOnlyList<FindingMention> Mentions { get; private set; } = [];

    /// <summary>True when the message names someone else more than the writer ("my husband's face...").</summary>
    public bool MostlyAboutSomeoneElse { get; private set; }

    /// <summary>True when the message names a recent day or time ("yesterday", "on Tuesday"), not a duration.</summary>
    public bool HasRecentDate { get; private set; }

    /// <summary>True when anything in the message speaks of the past or of a long-standing problem.</summary>
    public bool HasLongStandingContext { get; private set; }

    /// <summary>The findings that say when or how something began or changed.</summary>
    public bool IsTiming(string findingId) => _timing.Contains(findingId);

    private List<Modifier> _modifiers = [];
    private List<int> _recentMarks = [];
    private HashSet<int> _generalSentences = [];

    /// <summary>
    /// Reads a message. <paramref name="times"/> is given the message and the indexes of the sentences that hold a
    /// finding: only those need the (costly) date recogniser.
    /// </summary>
    public static MessageReading Read(NormalizedText text, CompiledVocabulary vocabulary, IReadOnlySet<string> signs, ContextVocabulary context, Func<NormalizedText, IReadOnlySet<int>, IReadOnlyList<TimeMention>>? times)
    {
        var reading = new MessageReading(text, vocabulary, signs);
        var occurrences = reading.FindOccurrences();
        if (occurrences.Count > 0 && times is not null)
        {
            var withFindings = occurrences.Select(o => reading._sentenceOf[o.HeadStart]).ToHashSet();
            var found = times(text, withFindings);
            foreach (var time in found)
            {
                if (reading.LastedBackThen(time, found, context.LongStandingDays))
                {
                    continue;
                }

                var recent = TimeExpressions.WithinDays(time.AgeDays, context.RecentDays);
                reading.HasRecentDate |= !time.IsDuration && recent;
                var id = time.AgeDays <= 1 ? WhenHours : recent ? WhenRecent : time.AgeDays >= context.LongStandingDays ? WhenLongAgo : null;
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

    /// <summary>
    /// "Six years ago his mouth slanted and he could not talk for one whole day": a short duration told after a date long
    /// ago, with nothing between that turns to the present, says how long it lasted then, not that it began a day ago.
    /// </summary>
    private bool LastedBackThen(TimeMention time, IReadOnlyList<TimeMention> all, int longStandingDays)
        => time.IsDuration && time.AgeDays < longStandingDays
            && all.Any(then => (!then.IsDuration || SaysBack(then.EndToken)) && then.AgeDays >= longStandingDays && then.EndToken <= time.StartToken
                && _sentenceOf[then.StartToken] == _sentenceOf[time.StartToken] && !TurnsToNow(then.EndToken, time.StartToken));

    /// <summary>"5 years back": a duration followed by "back" is a point in the past ("5 years ago" is already a date).</summary>
    private bool SaysBack(int next) => next < _text.Tokens.Count && _text.Tokens[next].Text == "back";

    private bool TurnsToNow(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_text.Tokens[i].IsWord && TurnToNow.Contains(_text.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    // Stryker disable all : a word table is data, reviewed like dialogs/; the code that reads it is mutated (tests/mutation/survivors.md)
    private static readonly HashSet<string> TurnToNow = new(StringComparer.Ordinal)
    {
        "but", "however", "though", "although", "yet", "whereas", "now", "today", "currently", "lately", "recently", "since", "again",
    };
    // Stryker restore all

    private readonly record struct Occurrence(string FindingId, int Start, int End, int HeadStart, int HeadEnd, int WhereStart, int WhereEnd)
    {
        public bool Overlaps(int start, int end) => (start < HeadEnd && end > HeadStart) || (start < WhereEnd && end > WhereStart);
    }

    private readonly record struct Modifier(ContextRule Rule, int Start, int End);

    private List<Occurrence> FindOccurrences()
    {
        var found = new HashSet<Occurrence>();
        foreach (var finding in _vocabulary.Findings)
        {
            var before = found.Count;
            foreach (var phrase in finding.Phrases)
            {
                foreach (var (start, end) in Spans(phrase))
                {
                    found.Add(new Occurrence(finding.Id, start, end, start, end, -1, -1));
                }
            }

            foreach (var near in finding.Near)
            {
                var signs = Spans(near.Sign);
                if (signs.Count == 0)
                {
                    continue;
                }

                // Spans come in position order, so each sign looks only at the wheres within reach of it.
                var wheres = Spans(near.Where);
                var reach = near.Within + NormalizedText.MaxSentenceTokens / 2;
                foreach (var sign in signs)
                {
                    for (var w = LowerBound(wheres, sign.Start - reach); w < wheres.Count && wheres[w].Start <= sign.Start + reach; w++)
                    {
                        var where = wheres[w];
                        if ((sign.End <= where.Start || where.End <= sign.Start) && WordsBetweenInOneSentence(sign, where) <= near.Within)
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

    private static int LowerBound(IReadOnlyList<(int Start, int End)> spans, int start)
    {
        int low = 0, high = spans.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (spans[middle].Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The words between two spans, or null when a full stop (or a question mark, or a line break) lies between them. A
    /// run-on sentence is cut into pieces of at most <see cref="NormalizedText.MaxSentenceTokens"/> for reading, but a
    /// sign and its place ("the left side of her mouth | wasn't moving") still belong together across such a cut.
    /// </summary>
    private int? WordsBetweenInOneSentence((int Start, int End) a, (int Start, int End) b)
    {
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (_text.Tokens[i].Kind == TokenKind.SentenceEnd)
            {
                return null;
            }

            count += _text.Tokens[i].IsWord ? 1 : 0;
        }

        return count;
    }

    private List<FindingMention> ReadContext(List<Occurrence> occurrences)
    {
        var modifiers = _modifiers = FindModifiers(occurrences);
        var terminators = modifiers.Where(m => m.Rule.Category == ContextCategory.Terminate).ToList();
        var longAgo = occurrences.Where(o => o.FindingId == WhenLongAgo && !IsNotWhenTheSignBegan(o)).ToList();
        var generalSentences = _generalSentences = GeneralQuestionSentences(occurrences);
        var people = PersonMentions();
        MostlyAboutSomeoneElse = people.Count(p => p.Other) > people.Count(p => !p.Other);
        _triggers = occurrences.Where(o => o.FindingId == OnsetTrigger).ToList();
        HasLongStandingContext = longAgo.Count > 0
            || modifiers.Any(m => m.Rule.Category is ContextCategory.Resolved || (m.Rule.Category is ContextCategory.Historical && TriggerLastedBy(m) is null));

        // A date read as recent ("since lunchtime", "3 days ago") or a word of a new start ("next day", "started")
        // outweighs a long-standing marker in the same clause.
        _recentlyTimed = occurrences.Where(o => _recentTiming.Contains(o.FindingId)).ToList();
        _recentMarks = _recentlyTimed.Select(o => o.HeadStart).ToList();
        var ordered = occurrences.OrderBy(o => o.HeadStart).ThenBy(o => o.End).ToList();
        var statuses = new Dictionary<Occurrence, (MentionStatus Status, string Why)>();
        var modifiersBySentence = modifiers.GroupBy(m => _sentenceOf[m.Start]).ToDictionary(g => g.Key, g => g.ToList());
        var terminatorsBySentence = terminators.GroupBy(m => _sentenceOf[m.Start]).ToDictionary(g => g.Key, g => g.ToList());
        _longAgoClauses = longAgo.Select(o => ClauseOf(o.Start)).ToHashSet();
        var longAgoBySentence = longAgo.GroupBy(o => _sentenceOf[o.Start]).ToDictionary(g => g.Key, g => g.ToList());
        var recentByClause = _recentMarks.Select(ClauseOf).ToHashSet();
        _datedRecentClauses = occurrences.Where(o => o.FindingId is WhenRecent or WhenHours).Select(o => ClauseOf(o.HeadStart)).ToHashSet();
        foreach (var occurrence in ordered)
        {
            var sentence = _sentenceOf[occurrence.HeadStart];
            statuses[occurrence] = Status(
                occurrence,
                [.. modifiersBySentence.GetValueOrDefault(sentence) ?? [], .. (modifiersBySentence.GetValueOrDefault(sentence + 1) ?? []).Where(LooksBack)],
                terminatorsBySentence.GetValueOrDefault(sentence) ?? [],
                longAgoBySentence.GetValueOrDefault(sentence) ?? [],
                generalSentences,
                recentByClause);
        }

        InheritListNegation(ordered, statuses);
        NegateAnsweredQuestions(ordered, statuses);
        ResolveByLaterDenial(ordered, statuses);

        return ordered.Select(o => new FindingMention(o.FindingId, o.Start, o.End, statuses[o].Status, IsAboutSomeoneElse(o, people), statuses[o].Why)).ToList();
    }

    private List<Modifier> FindModifiers(List<Occurrence> occurrences)
    {
        var all = new List<Modifier>();
        foreach (var modifier in _vocabulary.Modifiers)
        {
            foreach (var (start, end) in Spans(modifier.Pattern))
            {
                all.Add(new Modifier(modifier.Rule, start, end));
            }
        }

        // For each token: the longest pseudo phrase over it, and whether it is part of a sign.
        var pseudoLength = new int[_text.Tokens.Count];
        foreach (var p in all.Where(m => m.Rule.Category == ContextCategory.Pseudo))
        {
            for (var i = p.Start; i < p.End; i++)
            {
                pseudoLength[i] = Math.Max(pseudoLength[i], p.End - p.Start);
            }
        }

        var inSign = new bool[_text.Tokens.Count];
        foreach (var o in occurrences.Where(o => !IsTime(o)))
        {
            for (var i = o.HeadStart; i < o.HeadEnd; i++)
            {
                inSign[i] = true;
            }

            for (var i = Math.Max(0, o.WhereStart); i < o.WhereEnd; i++)
            {
                inSign[i] = true;
            }
        }

        bool IsAlsoPseudo(Modifier m)
            => m.Rule.Category == ContextCategory.Terminate && all.Any(p => p.Rule.Category == ContextCategory.Pseudo && p.Start == m.Start && p.End == m.End);

        bool Covered(Modifier m, Func<int, bool> test)
        {
            for (var i = m.Start; i < m.End; i++)
            {
                if (!test(i))
                {
                    return false;
                }
            }

            return true;
        }

        return all
            // A phrase that only looks like a trigger ("not sure", "no better", "gone up my leg") is not one. A phrase that
            // is both a pseudo-trigger and a terminator ("if anything") ends its clause and triggers nothing else.
            .Where(m => m.Rule.Category != ContextCategory.Pseudo
                && (!Enumerable.Range(m.Start, m.End - m.Start).Any(i => pseudoLength[i] >= m.End - m.Start) || IsAlsoPseudo(m)))
            // A trigger inside a sign ("not" in "can not lift my foot") is part of what is reported.
            .Where(m => m.Rule.Category == ContextCategory.Terminate || !Covered(m, i => inSign[i]))
            .Where(m => !IsStopAlone(m))
            .ToList();
    }

    /// <summary>
    /// "Doing the towel scrunches and there's pins and needles up to my knee. Stopped.": "stopped" as a sentence of its
    /// own is the person stopping what they were doing; a sign that stops is "it stopped".
    /// </summary>
    /// <remarks>No check of the modifier's length: a sentence of one word holds a modifier of one word at most.</remarks>
    private bool IsStopAlone(Modifier m)
        => m.Rule.Category == ContextCategory.Resolved && _text.Tokens[m.Start].Text == "stopped" && WordCount(_sentences[_sentenceOf[m.Start]]) == 1;

    private bool IsTime(Occurrence o) => _timing.Contains(o.FindingId);

    // The small word lists below are checks rather than static sets so that mutation testing can switch each word off.
    // They see normalised words: "tho" is "though" by then (TextNormalizer).

    /// <summary>Words that make a finding a double negative in many dialects ("can't move my legs none").</summary>
    private static bool IsNegationWord(string word)
        => word is "not" or "no" or "never" or "nothing" or "none" or "without" or "nor";

    /// <summary>Words that can join the items of a negated list: "no numbness, or any tingling either".</summary>
    private static bool IsListConnector(string word)
        => word is "or" or "and" or "nor" or "any" or "no" or "either" or "also" or "anything" or "else" or "other";

    /// <summary>"Can't feel my legs none", "can't feel nothing": a sign that is itself a negation is not undone by one.</summary>
    private bool IsNegativeSign(Occurrence o)
    {
        for (var i = o.HeadStart; i < o.HeadEnd; i++)
        {
            if (IsNegationWord(_text.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private (MentionStatus, string) Status(Occurrence o, List<Modifier> modifiers, List<Modifier> terminators, List<Occurrence> longAgo, HashSet<int> generalSentences, HashSet<int> recentClauses)
    {
        var sentence = _sentenceOf[o.HeadStart];
        if (generalSentences.Contains(sentence) && !SaidToBeginLater(o))
        {
            return (MentionStatus.General, "general question");
        }

        var recentInClause = !IsTime(o) && recentClauses.Contains(ClauseOf(o.HeadStart));
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
                if (m.Rule.Category == category && !o.Overlaps(m.Start, m.End) && Reaches(m, o, terminators)
                    && !(category == ContextCategory.Negated && m.End <= o.HeadStart && UntilAfter(o))
                    && !(category == ContextCategory.Negated && m.End <= o.HeadStart && NeverBefore(m, o))
                    && !(category == ContextCategory.Historical && NoveltyAfter(Math.Max(m.End, o.End)))
                    && !(category == ContextCategory.Historical && LastsATrigger(m, o))
                    && !(category == ContextCategory.Historical && IsWhatAChangeIsMeasuredAgainst(m, o))
                    && !(category is ContextCategory.Historical or ContextCategory.Resolved && AsideKeepsApart(m.Start, o))
                    && !(category == ContextCategory.Historical && IsTime(o) && _datedRecentClauses.Contains(ClauseOf(o.HeadStart)) && ClauseOf(m.Start) != ClauseOf(o.HeadStart))
                    && !(category == ContextCategory.Hypothetical && m.End <= o.HeadStart && (NoveltyAfter(o.End, statedOnly: true) || NextSentenceSaysWhen(o) || DatedSinceTheSupposition(o)))
                    && !(category == ContextCategory.Hypothetical && m.Start >= o.End && (NextSentenceSaysWhen(o) || SaidToBeginLater(o))))
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

        // A long-ago time in the same sentence ("in 2015", "for ten years") makes a sign, or a change, part of the past;
        // a word of a new start only when the time is in its own clause ("since the accident in 2011").
        if (o.FindingId is not (WhenLongAgo or WhenRecent or WhenHours) && !recentInClause)
        {
            foreach (var time in longAgo)
            {
                if (_recentTiming.Contains(o.FindingId) && ClauseOf(time.Start) != ClauseOf(o.HeadStart))
                {
                    continue;
                }

                // "Weaker every week since new year" is a change still going on: "since" runs up to now, also when the
                // time only dates what it runs from ("gone downhill since she had the flu after Christmas").
                if (_changeTiming.Contains(o.FindingId) && SinceLeadsTo(time))
                {
                    continue;
                }

                // "Stroke was five years ago, my foot drags way more than it did": a change measured against the past
                // is going on now, whenever that past was.
                if (_changeTiming.Contains(o.FindingId) && ComparesWithThePast(o))
                {
                    continue;
                }

                if (DatesWhatWasHad(time, o))
                {
                    continue;
                }

                if (!TerminatorBetween(time, o, terminators) && !NoveltyAfter(Math.Max(time.End, o.End)) && !AsideKeepsApart(time.Start, o))
                {
                    return (MentionStatus.Historical, $"long ago: {Phrase(time.Start, time.End)}");
                }
            }
        }

        return (MentionStatus.Affirmed, "reported");
    }

    /// <summary>
    /// "His face has all dropped, he had the mini stroke last year": a time right after "had ..." in a clause of its own
    /// dates what was had, not a sign told in the present tense in another clause. A sign told in the past ("he had a
    /// TIA last year, his face went droopy") is part of that past event.
    /// </summary>
    private bool DatesWhatWasHad(Occurrence time, Occurrence o)
    {
        var clause = ClauseOf(time.Start);
        if (ClauseOf(o.HeadStart) == clause || !ToldInThePresent(o))
        {
            return false;
        }

        for (var i = time.Start - 1; i >= Math.Max(0, time.Start - MaxWordsFromHadToTime) && ClauseOf(i) == clause; i--)
        {
            if (_text.Tokens[i].Text == "had")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A present or present-perfect word about the sign: "his face has all dropped", "her foot is numb".</summary>
    private bool ToldInThePresent(Occurrence o)
    {
        var clause = ClauseOf(o.HeadStart);
        var end = Math.Min(_text.Tokens.Count, o.HeadEnd + PresentWordsAfterSign);
        for (var i = Math.Max(0, Math.Min(o.Start, o.HeadStart) - PresentWordsBeforeSign); i < end; i++)
        {
            if (ClauseOf(i) == clause && _text.Tokens[i].Text is "has" or "have" or "is" or "are" or "am")
            {
                return true;
            }
        }

        return false;
    }

    private const int PresentWordsBeforeSign = 3;

    private const int PresentWordsAfterSign = 2;

    /// <summary>How far "had" may stand before the time that dates it: "had the mini stroke last year".</summary>
    private const int MaxWordsFromHadToTime = 5;

    /// <summary>
    /// A date that does not say when the sign began, told by the words just before it: "worse than at Christmas"
    /// compares with it, "it wasn't like that at Christmas" denies it, and "he passed 5 years ago" dates a death.
    /// </summary>
    private bool IsNotWhenTheSignBegan(Occurrence time)
    {
        // "The tingles came back after 10 years of nothing": the years were the quiet before it, not when it began.
        var next = time.End < _text.Tokens.Count ? _text.Tokens[time.End].Text : "";
        if (next is "without" or "free" or "clear"
            || (next == "of" && time.End + 1 < _text.Tokens.Count && _text.Tokens[time.End + 1].Text is "nothing" or "no" or "peace"))
        {
            return true;
        }

        // "New since Christmas" says the sign is new, whenever Christmas was.
        if (time.Start > 0 && _text.Tokens[time.Start - 1].Text == "new")
        {
            return true;
        }

        // "Lost a lot of weight this year": a period that runs up to now does not make a sign long-standing.
        if (_text.Tokens[time.Start].Text == "this")
        {
            return true;
        }

        // "Last year I could walk round the park, now I can't reach the corner": the past is what now is measured against.
        if (MeasuresNowAgainst(time))
        {
            return true;
        }

        // "Can't lift it even as much as I could at Christmas": an "as ... as" comparison measures now against then.
        if (AsMuchAsBefore(time))
        {
            return true;
        }

        // "The worst I've known in all my eighty years" measures a lifetime.
        if (time.Start >= 2 && _text.Tokens[time.Start - 2].Text == "all" && _text.Tokens[time.Start - 1].Text is "my" or "his" or "her" or "their")
        {
            return true;
        }

        // A comparison reaches further back than a denial: "flopping harder than it's been in over a year".
        return WordBack(time.Start - 1, 4, IsDateQualifier) || WordBack(time.Start - 1, ComparisonReach, IsComparison);
    }

    private const int ComparisonReach = 7;

    /// <summary>
    /// A denied "as much as", "as high as" a few words before a time, in its clause ("can't lift it as much as I could at
    /// Christmas"); "exactly as droopy as it was at Christmas" says nothing changed.
    /// </summary>
    private bool AsMuchAsBefore(Occurrence time)
    {
        var clause = ClauseOf(time.Start);
        for (var i = time.Start - 1; i >= 2 && i >= time.Start - ComparisonReach && ClauseOf(i) == clause; i--)
        {
            if (_text.Tokens[i].Text == "as" && _text.Tokens[i - 2].Text == "as" && _text.Tokens[i - 1].Text != "soon" && ClauseOf(i - 2) == clause)
            {
                return Enumerable.Range(clause, i - 2 - clause).Any(j => IsNegationWord(_text.Tokens[j].Text));
            }
        }

        return false;
    }

    /// <summary>A time followed by what someone could do then ("last year I could", "in May she managed") and a "now" later in the sentence.</summary>
    private bool MeasuresNowAgainst(Occurrence time)
    {
        var i = time.End;
        if (i + 1 >= _text.Tokens.Count || _text.Tokens[i].Text is not ("i" or "he" or "she" or "we" or "they")
            || _text.Tokens[i + 1].Text is not ("could" or "managed"))
        {
            return false;
        }

        for (var j = i + 2; j < _text.Tokens.Count && _sentenceOf[j] == _sentenceOf[i]; j++)
        {
            if (_text.Tokens[j].Text == "now")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "His calf looks thinner than it did three months ago": the past after "than" is what a change is measured
    /// against, so the change is going on now. "It used to be worse than now" has its past before the comparison.
    /// </summary>
    private bool IsWhatAChangeIsMeasuredAgainst(Modifier m, Occurrence o)
    {
        if (!_changeTiming.Contains(o.FindingId))
        {
            return false;
        }

        for (var i = o.Start; i < o.End; i++)
        {
            if (IsComparison(_text.Tokens[i].Text))
            {
                return m.Start > i;
            }
        }

        return false;
    }

    private bool ComparesWithThePast(Occurrence o)
    {
        for (var i = o.Start; i < o.End; i++)
        {
            // "The brace I've had eleven years no longer keeps my toes up": "no longer" compares with the past too.
            if (IsComparison(_text.Tokens[i].Text) || (i > o.Start && _text.Tokens[i - 1].Text == "no" && _text.Tokens[i].Text == "longer"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDateQualifier(string word)
        => IsComparison(word) || word is "not" or "never" or "passed" or "died" or "dead" or "buried";

    private static bool IsComparison(string word) => word is "than" or "compared" or "vs" or "versus";

    /// <summary>
    /// "Toes keep catching, he's been kneeling by the creek for ages": a length of time told right after a cause
    /// (kneeling, squatting, a cast) says how long the cause went on, not how long the sign has been there.
    /// </summary>
    private bool LastsATrigger(Modifier m, Occurrence o)
        => TriggerLastedBy(m) is { } trigger && (o.HeadStart <= trigger.Start || o.HeadStart >= m.End);

    private Occurrence? TriggerLastedBy(Modifier m)
        => _text.Tokens[m.Start].Text is "for" or "forever" && !SpansYears(m)
            ? _triggers.Where(t => t.End <= m.Start && m.Start - t.End <= TriggerDurationReach && _sentenceOf[t.Start] == _sentenceOf[m.Start])
                .Select(t => (Occurrence?)t).FirstOrDefault()
            : null;

    private const int TriggerDurationReach = 8;

    /// <summary>Kneeling "for ages" is a spell of kneeling; kneeling "for years" is a way of life, and its foot drop is not new.</summary>
    private bool SpansYears(Modifier m)
    {
        for (var i = m.Start; i < m.End; i++)
        {
            if (_text.Tokens[i].Text is "year" or "years" or "month" or "months" or "decade" or "decades")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "She had a stroke years ago but this is new": a later "is new" or "is different" outweighs the history. It also
    /// turns "is it bad if her pain shoots down her leg, that's new" from a question into a report, when the novelty is
    /// said (<paramref name="statedOnly"/>) rather than supposed ("if it is new").
    /// </summary>
    private bool NoveltyAfter(int from, bool statedOnly = false)
    {
        var sentence = from < _sentenceOf.Length ? _sentenceOf[from] : -1;
        for (var i = from; i + 1 < _text.Tokens.Count && _sentenceOf[i] == sentence; i++)
        {
            if (_text.Tokens[i].Text is "is" or "are" or "was" or "feels" or "looks" or "seems" && _text.Tokens[i + 1].Text is "new" or "different"
                && !(statedOnly && Supposed(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Should I worry if I can't feel the loo roll when I wipe? Started this morning.": a supposition followed at once by
    /// when it began (in the first words of the next sentence, not asked) is a report.
    /// </summary>
    private bool NextSentenceSaysWhen(Occurrence o)
    {
        var next = _sentenceOf[o.HeadStart] + 1;
        if (next >= _sentences.Count || _sentences[next].IsQuestion)
        {
            return false;
        }

        // "Right now she doesn't have it" answers the supposition the other way.
        var (start, end, _) = _sentences[next];
        // "Right now it's stable" also answers it the other way.
        return _recentMarks.Exists(mark => mark >= start && mark < Math.Min(start + WhenWords, end))
            && !Enumerable.Range(start, end - start).Any(i => IsNegationWord(_text.Tokens[i].Text) || _text.Tokens[i].Text is "stable" or "fine" or "normal");
    }

    /// <summary>
    /// "Mum wants to know if her face drooping since this morning is a stroke": a sign followed in its clause by when it
    /// began ("since ...", "... ago") has happened; only what has not happened yet is a supposition.
    /// </summary>
    private bool DatedSinceTheSupposition(Occurrence o) =>
        _recentlyTimed.Exists(time => time.Start >= o.End && ClauseOf(time.Start) == ClauseOf(o.HeadStart)
            && (SinceLeadsTo(time) || _text.Tokens[time.End - 1].Text == "ago"));

    /// <summary>
    /// "Is a sudden terrible headache something to worry about, it just started": a later clause of the question that
    /// opens on when it began, recently and not denied, says the sign is here.
    /// </summary>
    private bool SaidToBeginLater(Occurrence o)
    {
        var (_, end, _) = _sentences[_sentenceOf[o.HeadStart]];
        for (var clause = o.End; clause < end; clause++)
        {
            if (ClauseOf(clause) != clause || !_text.Tokens[clause].IsWord || ClauseOf(clause) == ClauseOf(o.HeadStart))
            {
                continue;
            }

            var clauseEnd = clause;
            while (clauseEnd < end && ClauseOf(clauseEnd) == clause)
            {
                clauseEnd++;
            }

            if (_recentMarks.Exists(mark => mark >= clause && mark < Math.Min(clause + WhenWords, clauseEnd))
                && !_longAgoClauses.Contains(clause)
                && !Enumerable.Range(clause, clauseEnd - clause).Any(i => IsNegationWord(_text.Tokens[i].Text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far into the next sentence a time answers a supposition ("3 times this week").</summary>
    private const int WhenWords = 4;

    /// <summary>A "since" at the time or a few words before it in its clause ("since she had the flu after Christmas").</summary>
    private bool SinceLeadsTo(Occurrence time) => WordBack(time.Start, SinceWords + 1, word => word == "since");

    /// <summary>How many words before a time a "since" still leads to it.</summary>
    private const int SinceWords = 6;

    /// <summary>Whether one of the <paramref name="words"/> words that end at <paramref name="last"/>, in its clause, passes <paramref name="test"/>.</summary>
    private bool WordBack(int last, int words, Func<string, bool> test)
    {
        for (int i = last, seen = 0; i >= 0 && seen < words && _text.Tokens[i].IsWord; i--, seen++)
        {
            if (test(_text.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private bool Supposed(int verb)
    {
        for (var i = verb - 1; i >= 0 && i >= verb - 3; i--)
        {
            if (_text.Tokens[i].Text is "if" or "whether" or "when" or "unless")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Never had a dragging foot until this month" denies only the time before: the sign is there now.</summary>
    private bool UntilAfter(Occurrence o)
    {
        var sentence = _sentenceOf[o.HeadStart];
        for (var i = o.End; i < _text.Tokens.Count && _sentenceOf[i] == sentence; i++)
        {
            if (_text.Tokens[i].Text is "until" or "till" or "til" or "untill")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Tingling in the toes I've never had before", "never had the foot drop before this month": "never ... before" says
    /// the sign is new, not that it is absent; so does "no numbness before but now there is". "Before" must come within
    /// <see cref="NeverBeforeReach"/> words after it.
    /// </summary>
    private bool NeverBefore(Modifier m, Occurrence o)
    {
        var never = _text.Tokens[m.Start].Text == "never";
        var sentence = _sentenceOf[o.HeadStart];
        for (var i = o.End; i < _text.Tokens.Count && i <= o.End + NeverBeforeReach && _sentenceOf[i] == sentence; i++)
        {
            if (_text.Tokens[i].Text == "before")
            {
                // "Never had any tingling, before or since" still denies it; any other denial is undone only by a "now"
                // right after ("no numbness before but now there is"), not by a time ("no numbness before the op").
                return never
                    ? i + 1 >= _text.Tokens.Count || _text.Tokens[i + 1].Text is not ("or" or "nor" or "and")
                    : NowAfter(i, sentence);
            }
        }

        return false;
    }

    /// <summary>A "now" within <see cref="NowAfterBefore"/> words after "before", not itself denied ("not before, not now", "now not either").</summary>
    private bool NowAfter(int before, int sentence)
    {
        for (var j = before + 1; j <= before + NowAfterBefore && j < _text.Tokens.Count && _sentenceOf[j] == sentence; j++)
        {
            if (IsNegationWord(_text.Tokens[j].Text))
            {
                return false;
            }

            if (_text.Tokens[j].Text == "now")
            {
                // "... now not either" denies it again.
                return j + 1 >= _text.Tokens.Count || _sentenceOf[j + 1] != sentence || !IsNegationWord(_text.Tokens[j + 1].Text);
            }
        }

        return false;
    }

    /// <summary>How many words after "before" a "now" undoes a denial ("no numbness before, but now there is").</summary>
    private const int NowAfterBefore = 3;

    private const int NeverBeforeReach = 3;

    /// <summary>
    /// A sentence that opens by saying the one before it is over ("I couldn't pee before my operation. But that was three
    /// years ago.", "Slurred once when exhausted. Not happened since.") or old ("…bowel program, the whole deal. All of that
    /// has been the same for 15 years.") reaches back over the full stop; one that opens with a history running both ways
    /// ("No change in weakness") speaks of what follows it. Asked only of a sentence
    /// after the first, so a token lies before it.
    /// </summary>
    private bool LooksBack(Modifier m)
        => m.Rule is { Category: ContextCategory.Resolved or ContextCategory.Historical, Direction: ContextDirection.Backward } && _text.Tokens[m.Start - 1].Kind == TokenKind.SentenceEnd;

    /// <summary>Whether a modifier of the sign's sentence, or one of the next that <see cref="LooksBack"/>, reaches it.</summary>
    private bool Reaches(Modifier m, Occurrence o, List<Modifier> terminators)
    {
        var forward = m.End <= o.HeadStart;
        var backward = o.HeadEnd <= m.Start;

        // "Pins and needles since yesterday, normal?" asks; it does not deny. And a denial after a sign ends its clause
        // ("legs feel normal", "tingling? none, and..."): "his mouth's crooked and he nah answer me" denies nothing.
        // "Foot numb, all good tho": a denial with a "though" after it, closing the clause, concedes the sign and
        // denies the rest; "numb none, though the weather is lovely" still denies it.
        if (backward && m.Rule.Category == ContextCategory.Negated
            && (_sentences[_sentenceOf[m.Start]].IsQuestion || !EndsClause(m.End) || ConcedesAt(m.End)))
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
            else if ((forward && m.Rule.Category is ContextCategory.Negated or ContextCategory.Hypothetical)
                || (backward && m.Rule.Category == ContextCategory.Negated && !(i == m.Start - 1 && EndsClause(m.End))))
            {
                // A comma ends a negation ("no pain, my foot is numb"; "her foot is dragging, the hospital said
                // recovery is fine") and a condition ("not sure if it matters, her face is drooping"); lists of negated
                // signs are handled separately. An answer just after the comma still denies ("Falls, none.").
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

        // A condition runs to the end of its clause past "just" or "now" ("if my leg just goes numb"), but not past a
        // contrast: "not sure if this is your thing but my foot's gone numb" reports the numbness.
        return !terminators.Any(t => t.Start >= from && t.End <= to && (m.Rule.Category != ContextCategory.Hypothetical || IsContrast(_text.Tokens[t.Start].Text)));
    }

    private static bool IsContrast(string word)
        => word is "but" or "however" or "though" or "although" or "yet" or "whereas";

    private static bool IsClauseJoiner(string word)
        => word is "and" or "but" or "so" or "or" or "though" or "thanks" or "thank" or "now" or "too" or "as" or "thankfully" or "luckily"
            or "lol" or "haha" or "lmao";

    private bool ConcedesAt(int next)
        => next < _text.Tokens.Count && _text.Tokens[next].Text == "though" && EndsClause(next + 1);

    private bool EndsClause(int next)
        => next >= _text.Tokens.Count || !_text.Tokens[next].IsWord || IsClauseJoiner(_text.Tokens[next].Text);

    /// <summary>A clause: the stretch of a sentence between commas (and sentence ends), numbered by its first token.</summary>
    private int ClauseOf(int token) => _clauseStart[token];

    /// <summary>
    /// "Doesn't know where he is, asking when we go back to Ipoh (we moved here 40 yrs ago)": a date or a word of the
    /// past inside brackets tells about the clause the brackets follow, and about nothing else in the sentence.
    /// </summary>
    private bool AsideKeepsApart(int marker, Occurrence o)
    {
        var open = -1;
        for (var i = marker - 1; i >= 0 && _text.Tokens[i].Kind != TokenKind.SentenceEnd && open < 0; i--)
        {
            open = _text.Tokens[i].Text switch
            {
                "(" => i,
                ")" => int.MaxValue,
                _ => open,
            };
        }

        if (open is < 0 or int.MaxValue)
        {
            return false;
        }

        var close = marker;
        while (close < _text.Tokens.Count && _text.Tokens[close].Kind != TokenKind.SentenceEnd && _text.Tokens[close].Text != ")")
        {
            close++;
        }

        var inside = o.HeadStart > open && o.HeadEnd <= close;
        var before = open > 0 && ClauseOf(o.HeadStart) == ClauseOf(open - 1);
        return !inside && !before;
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
            // "She can't bend the knee, can't lift the leg off the bed": an inability in a list reports, it denies nothing.
            if (statuses[current].Status != MentionStatus.Affirmed || IsTime(current) || IsNegativeSign(current))
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && current.HeadStart - ordered[j].HeadStart <= 24; j--)
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
            if (token.Kind == TokenKind.SentenceEnd || (token.IsWord && !IsListConnector(token.Text)))
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
        var hypotheticalSentences = _modifiers.Where(m => m.Rule.Category == ContextCategory.Hypothetical).Select(m => _sentenceOf[m.Start]).ToHashSet();
        var bySentence = ordered.ToLookup(o => _sentenceOf[o.HeadStart]);
        for (var s = 1; s < _sentences.Count; s++)
        {
            var asked = _sentences[s - 1].IsQuestion || hypotheticalSentences.Contains(s - 1);
            var denied = IsBareDenial(_sentences[s])
                || (IsShort(_sentences[s - 1]) && StartsWithDenial(_sentences[s]))
                || AnyMatch(_vocabulary.Denials, _sentences[s].Start, _sentences[s].End);
            // "Numb foot? Yes. None of the others." confirms the sign before it denies the rest.
            if (!asked || !denied || OpensWithYes(_sentences[s]))
            {
                continue;
            }

            foreach (var o in bySentence[s - 1].Where(o => statuses[o].Status == MentionStatus.Affirmed))
            {
                statuses[o] = (MentionStatus.Negated, "answered no");
            }
        }
    }

    /// <summary>
    /// "Dizzy yesterday when I stood up ... today no dizziness": a sign reported, then denied later in the message in a
    /// clause that says now or today, is over. Only the same finding is undone; any other sign still counts.
    /// </summary>
    private void ResolveByLaterDenial(List<Occurrence> ordered, Dictionary<Occurrence, (MentionStatus Status, string Why)> statuses)
    {
        foreach (var denial in ordered.Where(o => statuses[o].Status == MentionStatus.Negated && !IsTime(o) && SaysNow(ClauseOf(o.HeadStart), o.HeadStart)))
        {
            foreach (var earlier in ordered.Where(o => o.FindingId == denial.FindingId && o.End <= denial.HeadStart && ClauseOf(o.HeadStart) != ClauseOf(denial.HeadStart)
                && statuses[o].Status == MentionStatus.Affirmed).ToList())
            {
                statuses[earlier] = (MentionStatus.Resolved, "denied now, later in the message");
            }
        }
    }

    /// <summary>Whether the clause, up to the denied sign, says it speaks of now: "today no dizziness", "now none of it".</summary>
    private bool SaysNow(int clauseStart, int upTo)
    {
        for (var i = clauseStart; i < upTo; i++)
        {
            if (_text.Tokens[i] is { IsWord: true } word && word.Text is "today" or "now" or "tonight")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Falls? Not for ages." A one-to-four word question answered by a sentence that starts with a denial.</summary>
    private bool IsShort((int Start, int End, bool IsQuestion) sentence) => WordCount(sentence) <= 4;

    /// <summary>"No.", "Nope, ..." or, to the second of two questions, "Also no."</summary>
    private bool StartsWithDenial((int Start, int End, bool IsQuestion) sentence)
    {
        var first = sentence.Start;
        if (_text.Tokens[first] is { IsWord: true, Text: "also" or "again" } && first + 1 < sentence.End)
        {
            first++;
        }

        return _text.Tokens[first] is { IsWord: true } word && word.Text is "no" or "nope" or "nah" or "not" or "never" or "none" or "zero" or "nothing";
    }

    private bool OpensWithYes((int Start, int End, bool IsQuestion) sentence)
        => _text.Tokens[sentence.Start] is { IsWord: true } word && IsYesWord(word.Text);

    /// <summary>The words of a plain yes, as a message opens with them ("yep, new since monday").</summary>
    public static bool IsYesWord(string word) => word is "yes" or "yeah" or "yep" or "yup" or "yea" or "aye" or "ya";

    /// <summary>Words of a bare denial; "and" joins denials to several questions ("nah nah and nah").</summary>
    private static bool IsDenialWord(string word)
        => word is "no" or "nope" or "nah" or "none" or "not" or "really" or "at" or "all" or "also" or "again" or "never" or "neither" or "nothing" or "and";

    private bool IsBareDenial((int Start, int End, bool IsQuestion) sentence)
    {
        var words = Enumerable.Range(sentence.Start, sentence.End - sentence.Start).Where(i => _text.Tokens[i].IsWord).Select(i => _text.Tokens[i].Text).ToList();
        return words.Count is > 0 and <= 4 && words.All(IsDenialWord) && words.Any(w => w is "no" or "nope" or "nah" or "none" or "not" or "never" or "nothing");
    }

    /// <summary>
    /// A question that names nobody ("is numbness a warning sign?", "what are the signs of a stroke?") asks about signs
    /// without reporting one. A question about someone ("why is my foot numb?") is a report, and so is one followed by a
    /// short sentence that dates it ("is it normal that the leg burns? New since the weekend"). A date inside the
    /// question is not enough: "can kneeling all day cause foot drop?" still asks in general.
    /// </summary>
    private HashSet<int> GeneralQuestionSentences(List<Occurrence> occurrences)
    {
        HashSet<int> SentencesWith(IEnumerable<Pattern> patterns, bool atStart = false)
            => patterns.SelectMany(p => Spans(p))
                .Where(span => !atStart || QuestionStart(_sentenceOf[span.Start]) == span.Start)
                .Select(span => _sentenceOf[span.Start])
                .ToHashSet();

        // "What do they mean by saddle numbness?": a person word inside a general phrase names nobody.
        var phraseSpans = _vocabulary.GeneralQuestionPhrases.SelectMany(p => Spans(p)).ToList();
        var named = _vocabulary.SelfWords.Concat(_vocabulary.OtherPersonWords).SelectMany(p => Spans(p))
            .Where(span => !phraseSpans.Any(phrase => phrase.Start <= span.Start && span.End <= phrase.End))
            .Select(span => _sentenceOf[span.Start])
            .ToHashSet();
        var phrased = SentencesWith(_vocabulary.GeneralQuestionPhrases);
        var started = SentencesWith(_vocabulary.GeneralQuestionStarts.Where(p => p.Items.Length > 1), atStart: true);

        // A single question word ("is", "can") starts a general question only with a question mark or a general phrase.
        var weaklyStarted = SentencesWith(_vocabulary.GeneralQuestionStarts.Where(p => p.Items.Length == 1), atStart: true);
        var dated = occurrences.Where(o => o.FindingId is WhenRecent or WhenHours).Select(o => _sentenceOf[o.HeadStart]).ToHashSet();
        // A cause beside the date still only dates the question: "is new foot drop after a knee replacement serious? res is 10 days post op".
        var signed = occurrences.Where(o => !IsTime(o) && o.FindingId != OnsetTrigger).Select(o => _sentenceOf[o.HeadStart]).ToHashSet();
        bool OnlyADate(int s) => s < _sentences.Count && dated.Contains(s) && !signed.Contains(s) && WordCount(_sentences[s]) <= ShortDateSentenceWords;
        var general = new HashSet<int>();
        for (var s = 0; s < _sentences.Count; s++)
        {
            var (start, end, isQuestion) = _sentences[s];
            if (named.Contains(s) || OnlyADate(s + 1))
            {
                continue;
            }

            // "Can't walk" starts with "can" but asks nothing.
            var asked = QuestionStart(s);
            var negatedStart = asked + 1 < end && _text.Tokens[asked + 1].Text == "not";
            var asks = !negatedStart && (started.Contains(s) || (weaklyStarted.Contains(s) && isQuestion));
            if (asks || phrased.Contains(s))
            {
                general.Add(s);
            }
        }

        return general;
    }

    /// <summary>
    /// Where a sentence's question begins, after a greeting or an opener: "Dear Sir, does a numb groin mean something bad?"
    /// asks as "does a numb groin ..." does.
    /// </summary>
    private int QuestionStart(int sentence)
    {
        var (start, end, _) = _sentences[sentence];
        var i = start;
        while (i + 1 < end && (!_text.Tokens[i].IsWord || _text.Tokens[i].Text is "dear" or "sir" or "madam" or "hi" or "hello" or "hey" or "hiya" or "ok" or "okay" or "so" or "quick" or "question" or "please"))
        {
            i++;
        }

        return i;
    }

    /// <summary>A sentence this short that holds only a date ("new since the weekend", "started an hour ago") dates the one before.</summary>
    private const int ShortDateSentenceWords = 6;

    private int WordCount((int Start, int End, bool IsQuestion) sentence)
        => Enumerable.Range(sentence.Start, sentence.End - sentence.Start).Count(i => _text.Tokens[i].IsWord);

    private bool AnyMatch(Pattern[] patterns, int start, int end)
        => patterns.Any(p => Spans(p).Any(span => span.Start >= start && span.End <= end));

    /// <summary>Each person word's position and whether it is someone else ("my dad", "she") or the writer.</summary>
    private List<(int Position, bool Other)> PersonMentions()
    {
        var selfSpans = _vocabulary.SelfWords.SelectMany(p => Spans(p)).ToList();
        // Scots "ma face" is "my face", though "ma" alone is a mother: a longer self phrase starting there wins.
        var others = _vocabulary.OtherPersonWords.SelectMany(p => Spans(p)).Select(span => span.Start)
            .Where(i => !selfSpans.Any(s => s.Start == i && s.End - s.Start > 1)).ToHashSet();
        // "My" in "my wife" is hers, not the writer's: a self word just before someone else names that person.
        var selves = selfSpans.Select(span => span.Start).Where(i => !others.Contains(i) && !others.Contains(i + 1));
        return [.. others.Select(i => (i, true)).Concat(selves.Select(i => (i, false))).Distinct().OrderBy(p => p.Item1)];
    }

    /// <summary>Whose sign it is: the nearest person named before it ("my dad's face" is the dad's; "his arm" is his).</summary>
    private static bool IsAboutSomeoneElse(Occurrence o, List<(int Position, bool Other)> people)
    {
        if (people.Count == 0)
        {
            return false;
        }

        // The person the sign's own words start with ("dad says i trip"), else the last one named before the sign, or
        // else the first one after it. Positions are unique (a word is either the writer or someone else).
        var index = people.BinarySearch((o.HeadStart, false), Comparer<(int Position, bool Other)>.Create((a, b) => a.Position.CompareTo(b.Position)));
        if (index >= 0)
        {
            return people[index].Other;
        }

        var firstAfter = ~index;
        return firstAfter > 0 ? people[firstAfter - 1].Other : people[0].Other;
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
                if (cutStart > from && !_modifiers.Any(m => m.Rule.Category != ContextCategory.Terminate && m.Start >= from && m.End <= cutStart)
                    && !OnlyPastSigns(from, cutStart))
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

    /// <summary>
    /// A clause whose signs the context elsewhere said are over or denied ("she had pins and needles after her op | but
    /// that went years ago") is not given to the sentence model, which would read them without that context. Signs put
    /// in the past only by a date nearby are still read by the model: a date in the same sentence ("drooping at dinner,
    /// he had his stroke in 2019") is not always about the sign.
    /// </summary>
    private bool OnlyPastSigns(int start, int end)
    {
        var signs = Mentions.Where(m => m.Start >= start && m.End <= end && _signs.Contains(m.FindingId) && !_timing.Contains(m.FindingId)).ToList();
        return signs.Count > 0 && signs.All(m => m.Status is MentionStatus.Resolved or MentionStatus.Negated);
    }

    private string Phrase(int start, int end)
        => string.Join(' ', Enumerable.Range(start, end - start).Select(i => _text.Tokens[i]).Where(t => t.IsWord).Select(t => t.Text));
}
