using FootDrop.Bot.Conversation;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Dialogs.Triage;

/// <summary>Where a triage decision came from, as the audit trace names it.</summary>
public static class TriageSources
{
    public const string Rule = "rule";
    public const string Semantic = "semantic";
    public const string ClarifyAnswer = "clarify-answer";
    public const string SymptomCheck = "symptom-check";
    public const string ExerciseSafetyCheck = "exercise-safety-check";

    public static string From(DetectionSource source) => source == DetectionSource.Semantic ? Semantic : Rule;
}

/// <summary>A decision to say: the level, the rules behind it, its source, and whom it is about.</summary>
public sealed record TriageNotice(CareLevel Level, IReadOnlyList<string> RuleIds, string Source, bool AboutSomeoneElse = false, SemanticEvidence? Evidence = null);

/// <summary>
/// Says a triage outcome (action first; worded for the person helping when the signs are someone else's), records it
/// on the user's profile, and sends the <c>triage</c> trace activity that Emulator's inspector shows and that tests and
/// clinicians use to audit decisions: level, rule ids, source, and for the sentence model the nearest example.
/// </summary>
public sealed class TriageOutcomes(TriageScript script, Texts texts, BotStateAccessors state, TimeProvider time)
{
    public const string TraceName = "triage";
    public const string TraceValueType = "https://footdrop.bot/schemas/triage";
    public const string ClarifyLevel = "clarify";

    public async Task SendAsync(ITurnContext turnContext, TriageNotice notice, CancellationToken cancellationToken)
    {
        // One message, action first: the advice arrives whole, as one thing to read and act on.
        var paragraphs = notice.AboutSomeoneElse ? script.OutcomesForSomeoneElse[notice.Level] : script.Outcomes[notice.Level];
        await turnContext.SendActivityAsync(MessageFactory.Text(texts.FillParagraphs(paragraphs)), cancellationToken);

        var value = new JObject
        {
            ["level"] = notice.Level.ToId(),
            ["ruleIds"] = new JArray(notice.RuleIds),
            ["source"] = notice.Source,
            ["aboutSomeoneElse"] = notice.AboutSomeoneElse,
        };
        AddEvidence(value, notice.Evidence);
        await SendTraceAsync(turnContext, value, cancellationToken);

        var profile = await state.GetProfileAsync(turnContext, cancellationToken);
        profile.LastTriage = new TriageRecord { Level = notice.Level.ToId(), On = time.GetUtcNow() };
    }

    /// <summary>The trace of a clarifying question: level "clarify", the rules suspected, and the level a no still gives.</summary>
    public Task SendClarifyTraceAsync(ITurnContext turnContext, RedFlagResult result, string questionId, CancellationToken cancellationToken)
    {
        var value = new JObject
        {
            ["level"] = ClarifyLevel,
            ["ruleIds"] = new JArray(result.Suspected.Concat(result.RuleIds).Distinct()),
            ["source"] = TriageSources.From(result.Source),
            ["question"] = questionId,
            ["levelIfNo"] = result.Level.ToId(),
            ["aboutSomeoneElse"] = result.AboutSomeoneElse,
        };
        AddEvidence(value, result.Evidence);
        return SendTraceAsync(turnContext, value, cancellationToken);
    }

    /// <summary>The trace of a note (an ordinary thing answered, no outcome): level "none" and the note's id.</summary>
    public Task SendNoteTraceAsync(ITurnContext turnContext, RedFlagResult result, string noteId, CancellationToken cancellationToken)
        => SendTraceAsync(turnContext, new JObject
        {
            ["level"] = CareLevel.None.ToId(),
            ["ruleIds"] = new JArray(),
            ["source"] = TriageSources.Rule,
            ["note"] = noteId,
            ["aboutSomeoneElse"] = result.AboutSomeoneElse,
        }, cancellationToken);

    private static void AddEvidence(JObject value, SemanticEvidence? evidence)
    {
        if (evidence is not null)
        {
            value["nearestExample"] = evidence.Example;
            value["nearestRuleId"] = evidence.RuleId;
            value["score"] = evidence.Score;
            if (evidence.NearMiss is not null)
            {
                value["nearestNearMiss"] = evidence.NearMiss;
                value["nearMissScore"] = evidence.NearMissScore;
            }
        }
    }

    private static Task SendTraceAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(turnContext.Activity.CreateTrace(TraceName, value, TraceValueType, "Triage decision"), cancellationToken);
}
