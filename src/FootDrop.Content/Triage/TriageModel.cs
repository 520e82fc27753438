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

/// <summary>
/// Where in the body a warning sign points, which decides the clarifying question: the brain (stroke signs), the nerves
/// at the base of the spine (cauda equina signs) or the leg and foot.
/// </summary>
public enum SignArea
{
    Leg,

    /// <summary>Every emergency sign at once: the question asked before urgent advice, when nothing points further.</summary>
    AnyEmergency,
    CaudaEquina,
    Stroke,
}

public static class SignAreas
{
    public static string ToId(this SignArea area) => area switch
    {
        SignArea.Stroke => "stroke",
        SignArea.CaudaEquina => "cauda-equina",
        SignArea.AnyEmergency => "any-emergency",
        _ => "leg",
    };

    public static SignArea? FromId(string id) => id switch
    {
        "stroke" => SignArea.Stroke,
        "cauda-equina" => SignArea.CaudaEquina,
        "any-emergency" => SignArea.AnyEmergency,
        "leg" => SignArea.Leg,
        _ => null,
    };
}

/// <summary>
/// A finding: one thing a message can say ("face drooping", "toes catching", "started this week"), as phrases and as
/// word pairs found near each other. Patterns name word sets in braces ({foot}), end a word with * for any ending
/// (droop* is droop, drooping, droopy), use ... for up to two words in between, and a|b for either. Phrases in
/// <see cref="Except"/> cancel a match they overlap ("the bottom of my foot" is no saddle). A <see cref="Timing"/>
/// finding says when or how something began or changed: "recent" ("never had this before", "next day"), "gradual"
/// ("slowly") or "change" ("worse"); words inside it still modify the signs around it, and a recent one in a sign's
/// clause outweighs a long-standing marker there.
/// </summary>
public sealed record Finding(string Id, string Describes, IReadOnlyList<string> Phrases, IReadOnlyList<NearPattern> Near, IReadOnlyList<string> Except, FindingTiming? Timing);

public enum FindingTiming
{
    Recent,
    Gradual,
    Change,
}

/// <summary>A sign ("{numb}") and where it is ("{foot}") within a few words of each other, in either order.</summary>
public sealed record NearPattern(string Sign, string Where, int Within);

/// <summary>
/// A red-flag rule in the fixed vocabulary a clinician can read: it fires when each group of <see cref="All"/> has one
/// of its findings reported in the message (a group of one is a finding that must be there), and none of
/// <see cref="Unless"/> is. With <see cref="Within"/>, the groups must be reported within that many words of each
/// other ("toes catching ... since Saturday"). A rule of level "clarify" (<see cref="CareLevel.None"/> here) decides
/// nothing: when it fires and no other rule does, its area's clarifying question is asked. The examples are what the
/// sentence model compares messages with; near misses are similar sentences that must not fire it.
/// </summary>
public sealed record RedFlagRule(
    string Id,
    CareLevel Level,
    SignArea Area,
    string Describes,
    IReadOnlyList<IReadOnlyList<string>> All,
    IReadOnlyList<string> Unless,
    int? Within,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> NearMisses)
{
    public IEnumerable<string> FindingIds => All.SelectMany(group => group);

    /// <summary>True for a rule that only asks its area's clarifying question.</summary>
    public bool IsHint => Level == CareLevel.None;
}

/// <summary>
/// When a message speaks of the body but says nothing certain, one yes/no question settles it. The question is chosen by
/// the most serious area hinted at; a yes (or "not sure") gives <see cref="LevelOnYes"/>. The question of area
/// <see cref="SignArea.AnyEmergency"/> lists every emergency sign and is asked before urgent advice is given, so a sign
/// the message did not mention, or the bot did not read, still reaches the emergency advice.
/// </summary>
public sealed record ClarifyQuestion(string Id, SignArea Area, IReadOnlyList<string> When, string Prompt, string RuleIdOnYes, CareLevel LevelOnYes);

/// <summary>
/// How close a message must come to a rule's examples for the sentence model to act on it. When the rules find nothing
/// at all, a clause at least <see cref="EmergencyHintAt"/> close to an emergency rule's example still gets that area's
/// question: the model is the net for emergencies said in words no rule lists.
/// </summary>
public sealed record SemanticSettings(double DecideAt, double ClarifyAt, double Margin, double EmergencyHintAt);

/// <summary>
/// Something ordinary said in words close to a sign ("calves a bit sore after yesterday's stretches"). When no rule
/// fires and no question is due, the bot answers it with <see cref="Text"/>, which still names the signs that need care,
/// rather than "I didn't get that". With <see cref="InsteadOfLegQuestion"/> it also stands in for the question the leg
/// hint rules would ask: the answer already lists what that question asks about.
/// </summary>
public sealed record AnswerNote(string Id, string Describes, IReadOnlyList<IReadOnlyList<string>> All, int? Within, bool InsteadOfLegQuestion, string Text);

public sealed record RedFlagVocabulary(
    Review Review,
    IReadOnlyDictionary<string, IReadOnlyList<string>> WordSets,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RedFlagRule> Rules,
    IReadOnlyList<ClarifyQuestion> Clarify,
    SemanticSettings Semantic,
    ContextVocabulary Context,
    IReadOnlyList<AnswerNote> Notes)
{
    /// <summary>The patterns the loader compiled to check them, reused by the detector when the lists are the same.</summary>
    internal Matching.CompiledVocabulary? Compiled { get; init; }
}

public enum ContextCategory
{
    /// <summary>"no numbness", "tingling? nope".</summary>
    Negated,

    /// <summary>"used to", "went away years ago", "same as always", "my neurologist knows".</summary>
    Historical,

    /// <summary>"if my foot ever goes numb", "in case".</summary>
    Hypothetical,

    /// <summary>"went away", "cleared up", "nothing since": over, however recently it happened.</summary>
    Resolved,

    /// <summary>Ends the reach of every other modifier ("but", "however", "and now").</summary>
    Terminate,

    /// <summary>Looks like a modifier and is not ("not sure", "no better", "gone up my leg").</summary>
    Pseudo,
}

public enum ContextDirection
{
    Forward,
    Backward,
    Both,
}

/// <summary>A ConText modifier rule: its phrases, what they do to the findings in reach, and how far they reach.</summary>
public sealed record ContextRule(ContextCategory Category, ContextDirection Direction, int MaxScope, IReadOnlyList<string> Phrases);

/// <summary>
/// How a message's context is read: modifiers (negation, history, hypotheticals), words that start a general question,
/// who is being talked about, answers that deny a list just asked about ("told him no to all of them"), and what counts
/// as a recent or a long-standing start.
/// </summary>
public sealed record ContextVocabulary(
    Review Review,
    IReadOnlyList<ContextRule> Modifiers,
    IReadOnlyList<string> GeneralQuestionStarts,
    IReadOnlyList<string> GeneralQuestionPhrases,
    IReadOnlyList<string> SelfWords,
    IReadOnlyList<string> OtherPersonWords,
    IReadOnlyList<string> AnswersDenyingWhatWasAsked,
    int RecentDays,
    int LongStandingDays);

/// <summary>A yes/no question of the symptom check; a yes (or "not sure") fires its rule.</summary>
public sealed record TriageQuestion(string Id, string RuleId, string Prompt, string Summary);

/// <summary>
/// The onset questions. The answer to "when did it start?" is read for its age and for the sudden and gradual findings
/// of dialogs/redflags.json; a start within <see cref="RecentDays"/>, or an unknown one, counts towards care.
/// </summary>
public sealed record OnsetQuestions(
    string WhenPrompt,
    string SuddenPrompt,
    string SuddenRuleId,
    string SuddenFinding,
    string GradualFinding,
    int RecentDays,
    string RecentRuleId,
    string UnknownRuleId,
    string WhenSummary,
    string WhenUnknown,
    string SuddenSummary);

public sealed record SummaryTexts(string Offer, string ShowButton, string MenuButton, string Heading, string Yes, string No, string Unsure, string Result, IReadOnlyDictionary<CareLevel, string> Levels);

public sealed record FreeTextTexts(string Noticed, string NoticedOther, string OfferCheck, string MenuButton, string AfterOutcome, string SymptomNote, string OnlyEnglish, string NoWords);

/// <summary>The symptom check: emergency screen, onset, follow-up questions and the three outcomes.</summary>
public sealed record TriageScript(
    Review Review,
    string Intro,
    IReadOnlyList<TriageQuestion> EmergencyScreen,
    string ScreenUnsureRuleId,
    OnsetQuestions Onset,
    IReadOnlyList<TriageQuestion> Questions,
    IReadOnlyDictionary<CareLevel, IReadOnlyList<string>> Outcomes,
    IReadOnlyDictionary<CareLevel, IReadOnlyList<string>> OutcomesForSomeoneElse,
    SummaryTexts Summary,
    FreeTextTexts FreeText);
