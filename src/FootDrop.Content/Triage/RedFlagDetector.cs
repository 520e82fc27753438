using FootDrop.Content.Text;
using FootDrop.Content.Triage.Matching;
using FootDrop.Content.Triage.Reading;
using FootDrop.Content.Triage.Semantic;

namespace FootDrop.Content.Triage;

/// <summary>How a decision was reached, for the audit trail.</summary>
public enum DetectionSource
{
    None,

    /// <summary>A rule of dialogs/redflags.json fired on findings the context reading confirmed.</summary>
    Rule,

    /// <summary>The sentence model found the message close to a rule's examples.</summary>
    Semantic,
}

/// <summary>The nearest example behind a semantic decision or hint, and its similarity.</summary>
public sealed record SemanticEvidence(string RuleId, string Example, double Score, string? NearMiss, double NearMissScore);

/// <summary>
/// What the detector made of one message. <see cref="Level"/> is what the message gives at least; when
/// <see cref="Clarify"/> is set, that question is asked first, and a yes (or "not sure") gives its higher level.
/// </summary>
public sealed record RedFlagResult(
    CareLevel Level,
    IReadOnlyList<string> RuleIds,
    ClarifyQuestion? Clarify,
    DetectionSource Source,
    SemanticEvidence? Evidence,
    bool AboutSomeoneElse,
    IReadOnlyList<string> Suspected,
    AnswerNote? Note = null,
    ClarifyQuestion? ThenClarify = null,
    bool AsksAboutSigns = false)
{
    public static RedFlagResult Nothing { get; } = new(CareLevel.None, [], null, DetectionSource.None, null, false, []);

    public bool IsRedFlag => Level >= CareLevel.Urgent;
}

/// <summary>When and how a foot drop began, from the symptom check's free answer ("out of nowhere yesterday").</summary>
public sealed record OnsetReading(bool? Sudden, double? AgeDays);

/// <summary>Everything the detector saw in a message, for the evaluation program and for tests.</summary>
public sealed record RedFlagExplanation(RedFlagResult Result, IReadOnlyList<FindingMention> Mentions, IReadOnlyList<(string Clause, SemanticMatch? Match)> Semantic);

/// <summary>
/// Reads a message for warning signs. Three layers, each covering the others' blind spots:
/// <list type="number">
/// <item>findings from dialogs/redflags.json (phrases and word pairs, typos allowed) and times read by
/// Microsoft.Recognizers.Text.DateTime;</item>
/// <item>their context, as clinical NLP's ConText reads it (dialogs/context.json): negated, in the past, hypothetical,
/// a general question, or about someone else; the rules count only what is reported as happening;</item>
/// <item>the sentence model, which compares each clean clause (one no modifier touches) with the rules' example
/// sentences, so a sign described in words no rule lists is still caught.</item>
/// </list>
/// When nothing is certain but the message hints at a sign, one clarifying yes/no question is chosen instead, for the
/// most serious area hinted at. The detector never decides on less than it was given: when in doubt, care.
/// </summary>
public sealed class RedFlagDetector
{
    /// <summary>Clauses given to the model per message: a pasted essay is still read whole by the rules.</summary>
    public const int MaxModelClauses = 24;

    /// <summary>Messages shorter than this are answers and commands; the rules read them alone.</summary>
    public const int MinModelWords = 5;

    /// <summary>Sentences given to the date recogniser per message, for the same reason.</summary>
    public const int MaxTimeSentences = 16;

    private readonly RedFlagVocabulary _vocabulary;
    private readonly CompiledVocabulary _compiled;

    /// <summary>Findings that a rule reports on its own or with others (not only the hints' body parts and times).</summary>
    private readonly HashSet<string> _signs;
    private readonly TimeExpressions _times = new();
    private readonly TimeProvider _time;
    private readonly SemanticReader? _semantic;
    private readonly Dictionary<string, RedFlagRule> _rulesById;
    private readonly HashSet<string> _legFindings;
    private readonly HashSet<string> _emergencyFindings;
    private readonly HashSet<string> _newOnsetFindings;
    private readonly HashSet<string> _signFindings;

    public RedFlagDetector(RedFlagVocabulary vocabulary, TimeProvider? time = null, SemanticReader? semantic = null)
    {
        _vocabulary = vocabulary;
        _compiled = vocabulary.Compiled is { } loaded && loaded.CompiledFrom(vocabulary)
            ? loaded
            : CompiledVocabulary.Compile(vocabulary.WordSets, vocabulary.Findings, vocabulary.Context);
        _signs = vocabulary.Rules.Where(r => !r.IsHint).SelectMany(r => r.FindingIds).ToHashSet(StringComparer.Ordinal);
        _time = time ?? TimeProvider.System;
        _semantic = semantic;
        _rulesById = vocabulary.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _legFindings = vocabulary.Rules.Where(r => r.Area == SignArea.Leg && !r.IsHint).SelectMany(r => r.FindingIds).ToHashSet(StringComparer.Ordinal);
        _emergencyFindings = vocabulary.Rules.Where(r => r.Level == CareLevel.Emergency).SelectMany(r => r.FindingIds).ToHashSet(StringComparer.Ordinal);
        // A finding that is a warning sign on its own, or a hint of an emergency's: asking about one in general is asking
        // about warning signs ("does a numb groin mean something bad?"). The leg's hints are left out: "how long will my
        // foot drag?" is not such a question.
        _signFindings = vocabulary.Rules.Where(r => r.Level >= CareLevel.Urgent && r.All.Count == 1).SelectMany(r => r.FindingIds)
            .Concat(vocabulary.Clarify.Where(q => q.Area is SignArea.Stroke or SignArea.CaudaEquina).SelectMany(q => q.When))
            .ToHashSet(StringComparer.Ordinal);
        _newOnsetFindings = vocabulary.Findings.Where(f => f.Timing == FindingTiming.Recent).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
    }

    public RedFlagVocabulary Vocabulary => _vocabulary;

    public SemanticReader? Semantic => _semantic;

    /// <summary>Builds the date recogniser's parts before the first user needs them.</summary>
    public void Warmup() => _times.Warmup(_time.GetLocalNow().DateTime);

    public RedFlagResult Detect(string? text, bool useModel = true) => Explain(text, useModel).Result;

    /// <summary>
    /// Reads an answer to "when did it start?": its age from the dates and durations in it (the most recent wins), and
    /// whether it came on suddenly (a reported sudden finding) or slowly (a gradual one).
    /// </summary>
    public OnsetReading ReadOnset(string? text, string suddenFindingId, string gradualFindingId)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.IsEmpty)
        {
            return new OnsetReading(null, null);
        }

        var now = _time.GetLocalNow().DateTime;
        var times = _times.Find(normalized, now, MaxTimeSentences);
        var age = times.Count > 0 ? times.Min(t => t.AgeDays) : RoughAge(normalized);
        var reading = MessageReading.Read(normalized, _compiled, _signs, _vocabulary.Context, (_, _) => times);
        // "Slowly, about 4 months ago" is in the past by design: only a denial or a supposition is set aside here.
        var said = reading.Mentions.Where(m => m.Status is not (MentionStatus.Negated or MentionStatus.Hypothetical or MentionStatus.General)).Select(m => m.FindingId).ToHashSet(StringComparer.Ordinal);
        bool? sudden = said.Contains(suddenFindingId) ? true : said.Contains(gradualFindingId) ? false : null;
        return new OnsetReading(sudden, age);
    }

    /// <summary>"Over months", "for years": no date, but plainly not recent.</summary>
    private static double? RoughAge(Text.NormalizedText text)
        => text.Words.Contains("years") || text.Words.Contains("decades") ? 730
            : text.Words.Contains("months") ? 60
            : null;

    public bool HasFinding(string id) => _vocabulary.Findings.Any(f => f.Id == id);

    public RedFlagExplanation Explain(string? text, bool useModel = true)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.IsEmpty)
        {
            return new RedFlagExplanation(RedFlagResult.Nothing, [], []);
        }

        var now = _time.GetLocalNow().DateTime;
        var reading = MessageReading.Read(normalized, _compiled, _signs, _vocabulary.Context, (n, sentences) => _times.Find(n, now, MaxTimeSentences, sentences));
        var affirmed = reading.Mentions.Where(m => m.Status == MentionStatus.Affirmed).ToList();
        var affirmedIds = affirmed.Select(m => m.FindingId).ToHashSet(StringComparer.Ordinal);

        var firing = _vocabulary.Rules.Where(rule => Fires(rule.All, rule.Unless, rule.Within, affirmed, affirmedIds)).ToList();
        var fired = firing.Where(rule => !rule.IsHint).ToList();
        var note = _vocabulary.Notes.FirstOrDefault(n => Fires(n.All, [], n.Within, affirmed, affirmedIds));
        var hintAreas = firing.Where(rule => rule.IsHint && !(rule.Area == SignArea.Leg && note is { InsteadOfLegQuestion: true })).Select(rule => rule.Area).ToHashSet();

        // "Yes, new. Started Monday": a short yes that says something is new or recent, naming no sign, answers a question
        // about the foot that this message did not carry. The leg question asks what is new rather than letting it pass.
        if (fired.Count == 0 && IsShortYes(normalized) && affirmed.Any(m => m.FindingId is MessageReading.WhenRecent or MessageReading.WhenHours || _newOnsetFindings.Contains(m.FindingId)))
        {
            hintAreas.Add(SignArea.Leg);
        }

        // A leg sign that stopped only recently ("it's stopped, but it did it yesterday as well") is asked about, not
        // dropped; a passing stroke-like sign explained away ("slept on his arm last week") is left to the rules.
        var resolved = reading.Mentions.Where(m => m.Status == MentionStatus.Resolved && !reading.IsTiming(m.FindingId)).Select(m => m.FindingId).ToHashSet(StringComparer.Ordinal);
        if (resolved.Count > 0 && reading.HasRecentDate
            && resolved.Any(_legFindings.Contains) && !resolved.Any(_emergencyFindings.Contains))
        {
            hintAreas.Add(SignArea.Leg);
        }
        var level = fired.Count == 0 ? CareLevel.None : fired.Max(r => r.Level);

        var semantic = new List<(string Clause, SemanticMatch? Match)>();
        SemanticEvidence? evidence = null;
        RedFlagRule? semanticRule = null;
        SignArea? semanticHint = null;
        SemanticMatch? emergencyHint = null;
        if (useModel && level < CareLevel.Emergency && _semantic is { IsReady: true } && normalized.Words.Count >= MinModelWords)
        {
            var clauses = reading.CleanClauses(MaxModelClauses);
            var matches = _semantic.Match(clauses);
            if (matches is not null)
            {
                for (var i = 0; i < clauses.Count; i++)
                {
                    semantic.Add((clauses[i], matches[i]));
                    // No pattern variable: Stryker cannot compile the mutants of a method that declares one this way.
                    var match = matches[i];
                    if (match is null)
                    {
                        continue;
                    }

                    // An example of a rule the vocabulary no longer has decides and asks nothing, but its clause may
                    // still be close to an emergency below.
                    var rule = _rulesById.GetValueOrDefault(match.Nearest.RuleId);
                    var clear = match.Score - match.MissScore >= _vocabulary.Semantic.Margin;
                    if (rule is not null && match.Score >= _vocabulary.Semantic.DecideAt && clear && rule.Level > level)
                    {
                        level = rule.Level;
                        semanticRule = rule;
                        evidence = Evidence(match);
                    }
                    else if (rule is not null && match.Score >= _vocabulary.Semantic.ClarifyAt && match.Score > match.MissScore && (semanticHint is null || rule.Area > semanticHint))
                    {
                        // The evidence shown is the clause whose area is asked about, unless the model decided elsewhere.
                        semanticHint = rule.Area;
                        if (semanticRule is null)
                        {
                            evidence = Evidence(match);
                        }
                    }

                    if (match.NearestEmergency is not null && match.EmergencyScore >= _vocabulary.Semantic.EmergencyHintAt
                        && match.EmergencyScore > match.MissScore && (emergencyHint is null || match.EmergencyScore > emergencyHint.EmergencyScore))
                    {
                        emergencyHint = match;
                    }
                }
            }
        }

        // A leg sign, read by the rules or the model, in a message that also speaks of a long-standing problem, with
        // nothing that says it is new: the bot asks rather than assumes ("numb since my op, doc knows" may or may not
        // be the same numbness).
        if (level == CareLevel.Urgent && (semanticRule is null || semanticRule.Area == SignArea.Leg) && fired.All(r => r.Area == SignArea.Leg) && reading.HasLongStandingContext
            && !affirmed.Any(m => reading.IsTiming(m.FindingId) && m.FindingId != MessageReading.WhenLongAgo)
            && _vocabulary.Clarify.FirstOrDefault(q => q.Area == SignArea.Leg) is { } legQuestion)
        {
            var suspected = fired.Select(r => r.Id).Prepend(semanticRule?.Id).OfType<string>().ToList();
            var source = semanticRule is null ? DetectionSource.Rule : DetectionSource.Semantic;
            return new RedFlagExplanation(new RedFlagResult(CareLevel.None, [], legQuestion, source, semanticRule is null ? null : evidence, reading.MostlyAboutSomeoneElse, suspected), reading.Mentions, semantic);
        }

        if (level >= CareLevel.Urgent)
        {
            // Urgent for the leg, with a hint of something worse (a face that "looks different", the bladder "not
            // right"): ask about the worse first; a no still gives the urgent advice.
            // The sentence model's hint is not used here: the emergency question covers every sign it could point at.
            var worse = level == CareLevel.Urgent
                ? ChooseClarify(affirmedIds, null, above: SignArea.AnyEmergency, hintAreas: hintAreas) ?? _vocabulary.Clarify.FirstOrDefault(q => q.Area == SignArea.AnyEmergency)
                : null;
            var ruleIds = fired.Where(r => r.Level >= CareLevel.Urgent).Select(r => r.Id).ToList();
            var source = DetectionSource.Rule;
            if (semanticRule is not null && semanticRule.Level > fired.Select(r => r.Level).DefaultIfEmpty(CareLevel.None).Max())
            {
                ruleIds.Insert(0, semanticRule.Id);
                source = DetectionSource.Semantic;
            }
            else
            {
                evidence = null;
            }

            var supporting = source == DetectionSource.Semantic
                ? affirmed
                : affirmed.Where(m => fired.Any(r => r.Level == level && r.FindingIds.Contains(m.FindingId))).ToList();
            var aboutSomeoneElse = supporting.Count > 0 ? supporting.All(m => m.AboutSomeoneElse) : reading.MostlyAboutSomeoneElse;
            return new RedFlagExplanation(new RedFlagResult(level, ruleIds, worse, source, evidence, aboutSomeoneElse, worse is null ? [] : [worse.RuleIdOnYes]), reading.Mentions, semantic);
        }

        var question = ChooseClarify(affirmedIds, semanticHint, hintAreas: hintAreas);
        if (question is null && emergencyHint is not null && _rulesById.TryGetValue(emergencyHint.NearestEmergency!.RuleId, out var near))
        {
            // Nothing the rules know, but close to an emergency's example: ask about that emergency (every sign at
            // once when the example is about the leg).
            question = _vocabulary.Clarify.FirstOrDefault(q => q.Area == near.Area && near.Area != SignArea.Leg)
                ?? _vocabulary.Clarify.FirstOrDefault(q => q.Area == SignArea.AnyEmergency);
            evidence = new SemanticEvidence(near.Id, emergencyHint.NearestEmergency.Text, Math.Round(emergencyHint.EmergencyScore, 3), emergencyHint.NearestMiss?.Text, Math.Round(emergencyHint.MissScore, 3));
        }
        // A no to the more serious question leaves a leg hinted beside it unasked ("his slipper keeps slipping off, he
        // can't grip it, and he trips on every step"): that question comes next.
        // The hint must be more than words inside the first hint: "my face feels funny" is a body part and a symptom word too.
        ClarifyQuestion? then = null;
        if (question is { Area: SignArea.Stroke or SignArea.CaudaEquina or SignArea.AnyEmergency })
        {
            var asked = affirmed.Where(m => question.When.Contains(m.FindingId)).ToList();
            var elsewhere = affirmed.Where(m => !asked.Any(a => a.Start <= m.Start && m.End <= a.End)).Select(m => m.FindingId).ToHashSet(StringComparer.Ordinal);
            then = ChooseClarify(elsewhere, null, hintAreas: hintAreas, below: question.Area);
        }

        var result = question is null
            ? RedFlagResult.Nothing with { Note = note, AsksAboutSigns = note is null && reading.Mentions.Any(m => m.Status == MentionStatus.General && _signFindings.Contains(m.FindingId)) }
            : new RedFlagResult(CareLevel.None, [], question, DetectionSource.None, evidence, reading.MostlyAboutSomeoneElse, [question.RuleIdOnYes], ThenClarify: then);
        return new RedFlagExplanation(result, reading.Mentions, semantic);
    }

    /// <summary>A message of at most <see cref="ShortYesWords"/> words that opens with a yes.</summary>
    private static bool IsShortYes(Text.NormalizedText text)
        => text.Words.Count <= ShortYesWords && MessageReading.IsYesWord(text.Words[0]);

    private const int ShortYesWords = 12;

    private static bool Fires(IReadOnlyList<IReadOnlyList<string>> all, IReadOnlyList<string> unless, int? within, List<FindingMention> affirmed, HashSet<string> affirmedIds)
    {
        if (!all.All(group => group.Any(affirmedIds.Contains)) || unless.Any(affirmedIds.Contains))
        {
            return false;
        }

        if (within is not { } words)
        {
            return true;
        }

        // Every group must be reported near one mention of the first: "my toes catch ... since Saturday".
        var groups = all.Select(group => affirmed.Where(m => group.Contains(m.FindingId)).ToList()).ToList();
        return groups[0].Any(anchor => groups.Skip(1).All(group => group.Any(m => Distance(anchor, m) <= words)));
    }

    private static int Distance(FindingMention a, FindingMention b)
        => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    /// <summary>
    /// The question for the most serious area a finding or a hint rule points at. The sentence model's hint counts only
    /// when nothing in the rules hints at all: a vague match to a stroke example must not replace a plain question about
    /// the leg the message is clearly about.
    /// </summary>
    private ClarifyQuestion? ChooseClarify(HashSet<string> affirmed, SignArea? semanticHint, SignArea? above = null, IReadOnlySet<SignArea>? hintAreas = null, SignArea? below = null)
    {
        bool Hinted(ClarifyQuestion q) => q.When.Any(affirmed.Contains) || hintAreas?.Contains(q.Area) == true;
        // The question on every emergency sign is chosen here only when its own findings were told ("should I ring 999?");
        // otherwise it is what urgent advice asks first.
        var candidates = _vocabulary.Clarify.Where(q => (q.Area != SignArea.AnyEmergency || q.When.Any(affirmed.Contains)) && (above is null || q.Area > above) && (below is null || q.Area < below)).ToList();
        return candidates.Where(Hinted).OrderByDescending(q => q.Area).FirstOrDefault()
            ?? candidates.FirstOrDefault(q => q.Area == semanticHint);
    }

    private static SemanticEvidence Evidence(SemanticMatch match)
        => new(match.Nearest.RuleId, match.Nearest.Text, Math.Round(match.Score, 3), match.NearestMiss?.Text, Math.Round(match.MissScore, 3));
}
