using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>The symptom check's outcome from its answers, on the real dialogs/triage.json.</summary>
public sealed class TriageEvaluatorTests
{
    private static readonly TriageScript Script = TriageLoader.LoadScript(RepoPaths.Dialogs, Detectors.Vocabulary);

    private static Dictionary<string, TriageAnswer> AllNo()
        => Script.EmergencyScreen.Concat(Script.Questions).ToDictionary(q => q.Id, _ => TriageAnswer.No);

    [Fact]
    public void All_no_with_a_long_standing_slow_start_is_routine()
    {
        var decision = TriageEvaluator.Evaluate(Script, AllNo(), TriageAnswer.No, 400);

        Assert.Equal(CareLevel.Routine, decision.Level);
        Assert.Empty(decision.RuleIds);
    }

    [Theory]
    [InlineData("stroke-signs", "screen-stroke-signs")]
    [InlineData("cauda-equina-signs", "screen-cauda-equina-signs")]
    public void A_yes_to_an_emergency_screen_question_is_an_emergency(string questionId, string ruleId)
    {
        var answers = AllNo();
        answers[questionId] = TriageAnswer.Yes;

        var decision = TriageEvaluator.Evaluate(Script, answers, TriageAnswer.No, 400);

        Assert.Equal(CareLevel.Emergency, decision.Level);
        Assert.Equal([ruleId], decision.RuleIds);
    }

    [Fact]
    public void Not_sure_on_an_emergency_screen_question_is_urgent_with_the_emergency_signs()
    {
        var answers = AllNo();
        answers["stroke-signs"] = TriageAnswer.Unsure;

        var decision = TriageEvaluator.Evaluate(Script, answers, TriageAnswer.No, 400);

        Assert.Equal(CareLevel.Urgent, decision.Level);
        Assert.Equal([Script.ScreenUnsureRuleId], decision.RuleIds);
        Assert.Contains(Script.Outcomes[CareLevel.Urgent], p => p.Contains("face drooping", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yes_on_the_emergency_screen_outweighs_a_not_sure()
    {
        var answers = AllNo();
        answers["stroke-signs"] = TriageAnswer.Unsure;
        answers["cauda-equina-signs"] = TriageAnswer.Yes;

        Assert.Equal(CareLevel.Emergency, TriageEvaluator.Evaluate(Script, answers, TriageAnswer.No, 400).Level);
    }

    [Fact]
    public void An_unanswered_emergency_screen_question_counts_as_not_sure()
    {
        var answers = AllNo();
        answers.Remove("cauda-equina-signs");

        Assert.Equal(CareLevel.Urgent, TriageEvaluator.Evaluate(Script, answers, TriageAnswer.No, 400).Level);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(10)]
    [InlineData(42)]
    [InlineData(42.8)]
    public void A_start_within_the_recent_days_is_urgent(double days)
    {
        var decision = TriageEvaluator.Evaluate(Script, AllNo(), TriageAnswer.No, days);

        Assert.Equal(CareLevel.Urgent, decision.Level);
        Assert.Equal([Script.Onset.RecentRuleId], decision.RuleIds);
    }

    [Fact]
    public void A_start_just_beyond_the_recent_days_is_not_urgent_by_itself()
        => Assert.Equal(CareLevel.Routine, TriageEvaluator.Evaluate(Script, AllNo(), TriageAnswer.No, Script.Onset.RecentDays + 1).Level);

    [Fact]
    public void An_unknown_start_counts_towards_care()
    {
        var decision = TriageEvaluator.Evaluate(Script, AllNo(), TriageAnswer.No, null);

        Assert.Equal(CareLevel.Urgent, decision.Level);
        Assert.Equal([Script.Onset.UnknownRuleId], decision.RuleIds);
    }

    [Theory]
    [InlineData(TriageAnswer.Yes)]
    [InlineData(TriageAnswer.Unsure)]
    public void A_sudden_start_or_not_knowing_is_urgent(TriageAnswer sudden)
    {
        var decision = TriageEvaluator.Evaluate(Script, AllNo(), sudden, 400);

        Assert.Equal(CareLevel.Urgent, decision.Level);
        Assert.Equal([Script.Onset.SuddenRuleId], decision.RuleIds);
    }

    [Theory]
    [InlineData("numbness", TriageAnswer.Yes)]
    [InlineData("radiating-pain", TriageAnswer.Unsure)]
    [InlineData("balance-walking", TriageAnswer.Yes)]
    [InlineData("injury-operation", TriageAnswer.Yes)]
    [InlineData("getting-worse", TriageAnswer.Unsure)]
    public void A_yes_or_not_sure_to_a_follow_up_question_is_urgent_and_named(string questionId, TriageAnswer answer)
    {
        var answers = AllNo();
        answers[questionId] = answer;

        var decision = TriageEvaluator.Evaluate(Script, answers, TriageAnswer.No, 400);

        Assert.Equal(CareLevel.Urgent, decision.Level);
        Assert.Equal([Script.Questions.Single(q => q.Id == questionId).RuleId], decision.RuleIds);
    }

    [Fact]
    public void Every_reason_for_urgency_is_listed()
    {
        var answers = AllNo();
        answers["numbness"] = TriageAnswer.Yes;
        answers["getting-worse"] = TriageAnswer.Yes;

        var decision = TriageEvaluator.Evaluate(Script, answers, TriageAnswer.Yes, 3);

        Assert.Equal([Script.Onset.SuddenRuleId, Script.Onset.RecentRuleId, "answer-numbness-or-tingling", "answer-getting-worse"], decision.RuleIds);
    }
}
