using FootDrop.Content.Model;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// A red-flag vocabulary of a few words, built in code, for tests of the reading logic itself: how far a negation
/// reaches, when a rule fires, which question is asked. Unlike dialogs/*.json it does not change when a clinician tunes
/// the wording, so these tests pin the code, not the content.
/// </summary>
public static class SmallVocabulary
{
    public static readonly Review Review = new("1", "tests", "2026-01-01");

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> WordSets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["foot"] = ["foot", "feet", "toes"],
        ["relative"] = ["dad", "husband"],
    };

    public static readonly IReadOnlyList<Finding> Findings =
    [
        Find("numbness", "numb*", "tingl*"),
        Find("face-droop", "face drooping", "mouth ... crooked"),
        Find("face-odd", "face feels odd"),
        new("foot-drop-sign", "toes catching", [], [new NearPattern("dragging|catching", "{foot}", 3)], [], null),
        Find("falls", "fell"),
        Find("leg-mention", "{foot}", "leg"),
        Find("vague-leg", "funny"),
        Timed("new-onset", FindingTiming.Recent, "started", "new"),
        Timed("sudden-onset", FindingTiming.Recent, "suddenly"),
        Timed("gradual-onset", FindingTiming.Gradual, "slowly"),
        Timed("getting-worse", FindingTiming.Change, "worse"),
    ];

    public static readonly IReadOnlyList<RedFlagRule> Rules =
    [
        Rule("stroke-face-droop", CareLevel.Emergency, SignArea.Stroke, ["face-droop"]),
        Rule("new-numbness", CareLevel.Urgent, SignArea.Leg, ["numbness"]),
        Rule("falls", CareLevel.Urgent, SignArea.Leg, ["falls"]),
        Rule("new-foot-drop", CareLevel.Urgent, SignArea.Leg, [["foot-drop-sign"], ["new-onset", "when-recent", "when-within-hours", "sudden-onset"]], within: 8),
        Rule("hint-leg-new", CareLevel.None, SignArea.Leg, [["leg-mention"], ["new-onset"]], within: 20),
    ];

    public static readonly IReadOnlyList<ClarifyQuestion> Clarify =
    [
        new("clarify-emergency-signs", SignArea.AnyEmergency, [], "Any emergency signs?", "stroke-face-droop", CareLevel.Emergency),
        new("clarify-stroke", SignArea.Stroke, ["face-odd"], "Is the face drooping?", "stroke-face-droop", CareLevel.Emergency),
        new("clarify-leg", SignArea.Leg, ["vague-leg", "foot-drop-sign"], "Is the foot new?", "new-foot-drop", CareLevel.Urgent),
    ];

    public static readonly IReadOnlyList<ContextRule> Modifiers =
    [
        new(ContextCategory.Negated, ContextDirection.Forward, 3, ["no", "not", "never", "without"]),
        new(ContextCategory.Negated, ContextDirection.Backward, 2, ["no", "none", "normal"]),
        new(ContextCategory.Historical, ContextDirection.Both, 0, ["for years", "years ago"]),
        new(ContextCategory.Historical, ContextDirection.Forward, 3, ["used to"]),
        new(ContextCategory.Resolved, ContextDirection.Backward, 0, ["went away", "stopped"]),
        new(ContextCategory.Hypothetical, ContextDirection.Forward, 0, ["if"]),
        new(ContextCategory.Terminate, ContextDirection.Both, 0, ["but"]),
        new(ContextCategory.Pseudo, ContextDirection.Both, 0, ["not sure", "no better"]),
    ];

    public static readonly SemanticSettings Semantic = new(DecideAt: 0.8, ClarifyAt: 0.7, Margin: 0.1, EmergencyHintAt: 0.55);

    public static ContextVocabulary Context(IReadOnlyList<ContextRule>? modifiers = null)
        => new(Review, modifiers ?? Modifiers, ["what are", "is"], ["warning sign"], ["i", "my", "me"], ["he", "his", "she", "her", "{relative}"], ["none of those"], RecentDays: 42, LongStandingDays: 180);

    public static RedFlagVocabulary Build(
        IReadOnlyList<Finding>? findings = null,
        IReadOnlyList<RedFlagRule>? rules = null,
        IReadOnlyList<ClarifyQuestion>? clarify = null,
        IReadOnlyList<ContextRule>? modifiers = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? wordSets = null,
        IReadOnlyList<AnswerNote>? notes = null)
        => new(Review, wordSets ?? WordSets, findings ?? Findings, rules ?? Rules, clarify ?? Clarify, Semantic, Context(modifiers), notes ?? []);

    /// <summary>The small vocabulary's detector, on the tests' fixed evening clock.</summary>
    public static RedFlagDetector Detector(RedFlagVocabulary? vocabulary = null)
        => new(vocabulary ?? Build(), new FixedClock(Detectors.Now));

    /// <summary>The last mention of a finding in a message: the one a sign written after a history or a denial gets.</summary>
    public static FindingMention LastMention(this RedFlagDetector detector, string message, string findingId)
        => detector.Explain(message).Mentions.Last(m => m.FindingId == findingId);

    public static Finding Find(string id, params string[] phrases) => new(id, id, phrases, [], [], null);

    public static Finding Timed(string id, FindingTiming timing, params string[] phrases) => new(id, id, phrases, [], [], timing);

    public static RedFlagRule Rule(string id, CareLevel level, SignArea area, IReadOnlyList<string> all, IReadOnlyList<string>? unless = null, int? within = null)
        => Rule(id, level, area, [.. all.Select(f => (IReadOnlyList<string>)[f])], unless, within);

    public static RedFlagRule Rule(string id, CareLevel level, SignArea area, IReadOnlyList<IReadOnlyList<string>> all, IReadOnlyList<string>? unless = null, int? within = null)
        => new(id, level, area, id, all, unless ?? [], within, ["an example of " + id], []);
}
