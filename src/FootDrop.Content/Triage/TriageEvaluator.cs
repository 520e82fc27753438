namespace FootDrop.Content.Triage;

public enum TriageAnswer
{
    No,
    Yes,

    /// <summary>"Not sure", or no usable answer: counted like a yes, because when in doubt the bot sends people to care.</summary>
    Unsure,
}

public sealed record TriageDecision(CareLevel Level, IReadOnlyList<string> RuleIds);

/// <summary>
/// Turns the symptom check's answers into one of three outcomes: any emergency-screen yes is an emergency; any yes to
/// sudden onset or a follow-up question is urgent; otherwise routine. Unsure counts as yes.
/// </summary>
public static class TriageEvaluator
{
    public static TriageDecision Evaluate(TriageScript script, IReadOnlyDictionary<string, TriageAnswer> answers, TriageAnswer? sudden)
    {
        static bool Raises(TriageAnswer? answer) => answer is TriageAnswer.Yes or TriageAnswer.Unsure;

        var emergency = script.EmergencyScreen.Where(q => Raises(answers.GetValueOrDefault(q.Id, TriageAnswer.Unsure))).Select(q => q.RuleId).ToList();
        if (emergency.Count > 0)
        {
            return new TriageDecision(CareLevel.Emergency, emergency);
        }

        var urgent = new List<string>();
        if (Raises(sudden))
        {
            urgent.Add(script.Onset.SuddenRuleId);
        }

        urgent.AddRange(script.Questions.Where(q => answers.TryGetValue(q.Id, out var answer) && Raises(answer)).Select(q => q.RuleId));
        return urgent.Count > 0 ? new TriageDecision(CareLevel.Urgent, urgent) : new TriageDecision(CareLevel.Routine, []);
    }
}
