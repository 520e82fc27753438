using FootDrop.Content.Triage;

namespace FootDrop.Triage.Evaluation;

/// <summary>What the bot ends up advising for one message, with one clarifying question answered honestly.</summary>
public enum Outcome
{
    None,
    ClarifiedNo,
    Urgent,
    Emergency,
}

public sealed record MessageOutcome(LabelledMessage Message, RedFlagResult Result, Outcome Outcome)
{
    public bool AskedClarify => Result.Clarify is not null;

    public bool IsMiss => Message.Label switch
    {
        Label.Emergency => Outcome != Outcome.Emergency,
        Label.Urgent => Outcome is not (Outcome.Urgent or Outcome.Emergency),
        _ => false,
    };

    public bool IsFalseAlarm => Message.IsBenign && Outcome is Outcome.Urgent or Outcome.Emergency;
}

public sealed record PartFigures(
    string Part,
    int Emergency,
    int EmergencyCaught,
    int Urgent,
    int UrgentCaught,
    int Benign,
    int FalseAlarms,
    int BenignClarified,
    IReadOnlyDictionary<(Label Label, Outcome Outcome), int> Confusion,
    IReadOnlyList<MessageOutcome> Outcomes)
{
    public double FalseAlarmRate => Benign == 0 ? 0 : (double)FalseAlarms / Benign;

    public double ClarifyRate => Benign == 0 ? 0 : (double)BenignClarified / Benign;
}

/// <summary>
/// Runs each labelled message through the detector as the bot does: a decision is final; a clarifying question is
/// answered honestly, yes when the question's area is truly going on in the message (its labelled areas), else no; after
/// a no, the question the detector has next (<see cref="RedFlagResult.ThenClarify"/>) is answered the same way.
/// </summary>
public static class TriageEvaluation
{
    public static MessageOutcome Evaluate(RedFlagDetector detector, LabelledMessage message)
    {
        var result = detector.Detect(message.Text);
        var level = result.Level;
        // A no to the first question, and the bot asks the one hinted beside it, answered honestly too.
        var asked = result.Clarify is { } first && !IsHonestYes(message, first) ? result.ThenClarify : result.Clarify;
        if (asked is not null && IsHonestYes(message, asked) && asked.LevelOnYes > level)
        {
            level = asked.LevelOnYes;
        }

        var outcome = level switch
        {
            CareLevel.Emergency => Outcome.Emergency,
            CareLevel.Urgent => Outcome.Urgent,
            _ => result.Clarify is null ? Outcome.None : Outcome.ClarifiedNo,
        };
        return new MessageOutcome(message, result, outcome);
    }

    /// <summary>
    /// An honest answer: yes when the question's area is truly going on in the message. The question that lists every
    /// emergency sign is answered yes exactly when the message was labelled an emergency.
    /// </summary>
    public static bool IsHonestYes(LabelledMessage message, ClarifyQuestion question)
        => question.Area == SignArea.AnyEmergency ? message.Label == Label.Emergency : message.Areas.Contains(question.Area);

    public static PartFigures Run(RedFlagDetector detector, string part, IReadOnlyList<LabelledMessage> messages)
    {
        var outcomes = messages.Select(m => Evaluate(detector, m)).ToList();
        var confusion = outcomes.GroupBy(o => (o.Message.Label, o.Outcome)).ToDictionary(g => g.Key, g => g.Count());
        var emergency = outcomes.Where(o => o.Message.Label == Label.Emergency).ToList();
        var urgent = outcomes.Where(o => o.Message.Label == Label.Urgent).ToList();
        var benign = outcomes.Where(o => o.Message.IsBenign).ToList();
        return new PartFigures(
            part,
            emergency.Count,
            emergency.Count(o => !o.IsMiss),
            urgent.Count,
            urgent.Count(o => !o.IsMiss),
            benign.Count,
            benign.Count(o => o.IsFalseAlarm),
            benign.Count(o => o.AskedClarify),
            confusion,
            outcomes);
    }

    public static IEnumerable<string> Report(PartFigures figures)
    {
        yield return $"## {figures.Part} part ({figures.Outcomes.Count} messages)";
        yield return $"emergency -> emergency:       {figures.EmergencyCaught}/{figures.Emergency} ({Percent(figures.EmergencyCaught, figures.Emergency)})";
        yield return $"urgent -> urgent or higher:   {figures.UrgentCaught}/{figures.Urgent} ({Percent(figures.UrgentCaught, figures.Urgent)})";
        yield return $"false alarms on benign:       {figures.FalseAlarms}/{figures.Benign} ({figures.FalseAlarmRate:P1})";
        yield return $"clarifying question, benign:  {figures.BenignClarified}/{figures.Benign} ({figures.ClarifyRate:P1})";
        var decidedBy = figures.Outcomes.Where(o => o.Result.Level >= CareLevel.Urgent).GroupBy(o => o.Result.Source).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
        yield return $"decided by:                   {string.Join(", ", decidedBy)}; clarifying questions asked on {figures.Outcomes.Count(o => o.AskedClarify)}";
        yield return string.Empty;
        yield return "| labelled \\ outcome | emergency | urgent | clarified, no | nothing |";
        yield return "| --- | ---: | ---: | ---: | ---: |";
        foreach (var label in Enum.GetValues<Label>())
        {
            int Count(Outcome outcome) => figures.Confusion.GetValueOrDefault((label, outcome));
            yield return $"| {label.ToString().ToLowerInvariant()} | {Count(Outcome.Emergency)} | {Count(Outcome.Urgent)} | {Count(Outcome.ClarifiedNo)} | {Count(Outcome.None)} |";
        }
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:P1}";
}
