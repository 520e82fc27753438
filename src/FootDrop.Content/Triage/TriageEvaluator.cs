using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Triage;

public enum TriageAnswer
{
    No,
    Yes,

    /// <summary>"Not sure", or no usable answer: counted towards care, because when in doubt the bot sends people to care.</summary>
    Unsure,
}

public sealed record TriageDecision(CareLevel Level, IReadOnlyList<string> RuleIds);

/// <summary>
/// Turns the symptom check's answers into one of three outcomes:
/// <list type="bullet">
/// <item>a yes to an emergency-screen question is an emergency;</item>
/// <item>a "not sure" to one is at least urgent: the urgent advice, which lists the emergency signs to watch for;</item>
/// <item>a sudden start, a start within the last weeks or an unknown one, or a yes or "not sure" to a follow-up
/// question is urgent;</item>
/// <item>otherwise routine.</item>
/// </list>
/// </summary>
public static class TriageEvaluator
{
    public static TriageDecision Evaluate(TriageScript script, IReadOnlyDictionary<string, TriageAnswer> answers, TriageAnswer? sudden, double? onsetAgeDays)
    {
        static bool Raises(TriageAnswer? answer) => answer is TriageAnswer.Yes or TriageAnswer.Unsure;

        var emergency = script.EmergencyScreen.Where(q => answers.GetValueOrDefault(q.Id, TriageAnswer.Unsure) == TriageAnswer.Yes).Select(q => q.RuleId).ToList();
        if (emergency.Count > 0)
        {
            return new TriageDecision(CareLevel.Emergency, emergency);
        }

        var urgent = new List<string>();
        if (script.EmergencyScreen.Any(q => answers.GetValueOrDefault(q.Id, TriageAnswer.Unsure) == TriageAnswer.Unsure))
        {
            urgent.Add(script.ScreenUnsureRuleId);
            return new TriageDecision(CareLevel.Urgent, urgent);
        }

        if (Raises(sudden))
        {
            urgent.Add(script.Onset.SuddenRuleId);
        }

        if (onsetAgeDays is null)
        {
            urgent.Add(script.Onset.UnknownRuleId);
        }
        else if (TimeExpressions.WithinDays(onsetAgeDays.Value, script.Onset.RecentDays))
        {
            urgent.Add(script.Onset.RecentRuleId);
        }

        urgent.AddRange(script.Questions.Where(q => answers.TryGetValue(q.Id, out var answer) && Raises(answer)).Select(q => q.RuleId));
        return urgent.Count > 0 ? new TriageDecision(CareLevel.Urgent, urgent) : new TriageDecision(CareLevel.Routine, []);
    }
}
