using FootDrop.Content.Model;

namespace FootDrop.Content.Triage;

/// <summary>How soon a person should get care. Ordered: a higher value is more urgent.</summary>
public enum CareLevel
{
    None = 0,
    Routine = 1,
    Urgent = 2,
    Emergency = 3,
}

public static class CareLevels
{
    public static string ToId(this CareLevel level) => level switch
    {
        CareLevel.Emergency => "emergency",
        CareLevel.Urgent => "urgent",
        CareLevel.Routine => "routine",
        _ => "none",
    };

    public static CareLevel? FromId(string id) => id switch
    {
        "emergency" => CareLevel.Emergency,
        "urgent" => CareLevel.Urgent,
        "routine" => CareLevel.Routine,
        _ => null,
    };
}

/// <summary>A named set of phrases meaning one thing ("numbness": numb, pins and needles, gone dead...).</summary>
public sealed record Concept(string Id, IReadOnlyList<string> Phrases);

/// <summary>
/// A red-flag rule in the fixed vocabulary a clinician can read: it fires when every concept in <see cref="All"/> and
/// (if any are listed) one of <see cref="Any"/> is mentioned, and not negated, in a message.
/// </summary>
public sealed record RedFlagRule(string Id, CareLevel Level, IReadOnlyList<string> All, IReadOnlyList<string> Any, string Describes);

/// <summary>When a message hints at a warning sign without saying it, one yes/no question settles it.</summary>
public sealed record ClarifyQuestion(string Id, IReadOnlyList<string> When, IReadOnlyList<string> Unless, string Prompt, string RuleIdOnYes, CareLevel LevelOnYes);

public sealed record RedFlagVocabulary(
    Review Review,
    IReadOnlyList<string> Negations,
    IReadOnlyList<string> ClauseBreaks,
    IReadOnlyList<string> Hypotheticals,
    IReadOnlyList<Concept> Concepts,
    IReadOnlyList<RedFlagRule> Rules,
    IReadOnlyList<ClarifyQuestion> Clarify);

/// <summary>A yes/no question of the symptom check; a yes (or "not sure") fires its rule.</summary>
public sealed record TriageQuestion(string Id, string RuleId, string Prompt, string Summary);

public sealed record OnsetQuestions(string WhenPrompt, string SuddenPrompt, string SuddenRuleId, string WhenSummary, string WhenUnknown, string SuddenSummary);

public sealed record SummaryTexts(string Offer, string ShowButton, string MenuButton, string Heading, string Yes, string No, string Unsure, string Result, IReadOnlyDictionary<CareLevel, string> Levels);

public sealed record FreeTextTexts(string Noticed, string OfferCheck, string MenuButton, string AfterOutcome);

/// <summary>The symptom check: emergency screen, onset, follow-up questions and the three outcomes.</summary>
public sealed record TriageScript(
    Review Review,
    string Intro,
    IReadOnlyList<TriageQuestion> EmergencyScreen,
    OnsetQuestions Onset,
    IReadOnlyList<TriageQuestion> Questions,
    IReadOnlyDictionary<CareLevel, IReadOnlyList<string>> Outcomes,
    SummaryTexts Summary,
    FreeTextTexts FreeText);
