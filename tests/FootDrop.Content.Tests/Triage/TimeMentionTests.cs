using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// What a time read in a message becomes: within hours, recent or long ago (the small vocabulary's limits are 42 and
/// 180 days), and what that does to the signs beside it. On the small vocabulary of <see cref="SmallVocabulary"/> and
/// the tests' evening clock unless a test says otherwise.
/// </summary>
public sealed class TimeMentionTests
{
    private static RedFlagDetector Detector => SmallVocabulary.Detector();

    private static MentionStatus NumbnessIn(string message)
        => Detector.LastMention(message, "numbness").Status;

    [Fact]
    public void A_day_long_time_is_within_hours_and_a_longer_one_is_not()
    {
        Assert.Contains(Detector.Explain("my foot numb for 24 hours").Mentions, m => m.FindingId == "when-within-hours");
        Assert.DoesNotContain(Detector.Explain("my foot numb for 2 days").Mentions, m => m.FindingId == "when-within-hours");
    }

    [Fact]
    public void A_rule_naming_a_recent_time_fires_on_a_time_within_hours()
    {
        // Content names "when-recent" for anything new: a time of a few hours ago must not slip through it.
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build(rules:
            [SmallVocabulary.Rule("numb-recently", CareLevel.Urgent, SignArea.Leg, [["numbness"], ["when-recent"]])]));

        Assert.Equal(["numb-recently"], detector.Detect("my foot went numb this morning").RuleIds);
    }

    [Fact]
    public void A_time_up_to_the_recent_limit_is_recent()
    {
        Assert.Contains("new-foot-drop", Detector.Detect("my toes have been catching for 6 weeks").RuleIds);
        Assert.DoesNotContain("new-foot-drop", Detector.Detect("my toes have been catching for 7 weeks").RuleIds);
    }

    [Fact]
    public void A_time_between_recent_and_long_ago_leaves_a_sign_as_it_is()
        => Assert.Equal(MentionStatus.Affirmed, NumbnessIn("my foot numb for 10 weeks"));

    [Fact]
    public void A_time_from_the_long_standing_limit_on_puts_a_sign_in_the_past()
    {
        Assert.Equal(MentionStatus.Historical, NumbnessIn("my foot numb for 180 days"));
        Assert.Equal(MentionStatus.Affirmed, NumbnessIn("my foot numb for 179 days"));
    }

    [Fact]
    public void A_leg_sign_that_stopped_is_asked_about_when_two_recent_dates_are_named()
        => Assert.Equal("clarify-leg", Detector.Detect("the numbness from monday stopped yesterday").Clarify?.Id);

    [Fact]
    public void A_leg_sign_that_stopped_is_asked_about_up_to_the_recent_limit()
    {
        // On the tests' evening clock "6 weeks ago" is 42 days and some hours: the limit counts whole days.
        Assert.Equal("clarify-leg", Detector.Detect("the numbness stopped 6 weeks ago").Clarify?.Id);
        Assert.Equal("clarify-leg", Detector.Detect("the numbness stopped 42 days ago").Clarify?.Id);
        Assert.Null(Detector.Detect("the numbness stopped 43 days ago").Clarify);
        Assert.Null(Detector.Detect("the numbness stopped 7 weeks ago").Clarify);
    }

    [Fact]
    public void A_recent_date_keeps_a_leg_sign_urgent_beside_an_old_history()
    {
        Assert.Equal(CareLevel.Urgent, Detector.Detect("my foot went numb yesterday. i had a fall years ago").Level);
        Assert.Equal(CareLevel.None, Detector.Detect("my foot went numb. i had a fall years ago").Level);
    }

    [Fact]
    public void A_recent_date_in_the_signs_clause_outweighs_a_long_standing_marker()
    {
        Assert.Equal(MentionStatus.Affirmed, NumbnessIn("my foot numb since yesterday, my knee has been bad for years"));
        Assert.Equal(MentionStatus.Historical, NumbnessIn("my foot numb, my knee has been bad for years"));
    }

    [Fact]
    public void A_recent_date_is_not_made_old_by_a_history_in_another_clause()
    {
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build(rules:
            [SmallVocabulary.Rule("numb-recently", CareLevel.Urgent, SignArea.Leg, [["numbness"], ["when-recent"]])]));

        Assert.Equal(["numb-recently"], detector.Detect("my foot numb since yesterday, my knee bad for years").RuleIds);
        Assert.Equal(MentionStatus.Historical, detector.LastMention("my foot numb since yesterday for years", "when-recent").Status);
    }

    [Fact]
    public void Only_a_history_in_another_clause_is_kept_from_a_recent_date()
        => Assert.Equal(MentionStatus.Resolved, Detector.LastMention("my foot numb since yesterday, it went away", "when-recent").Status);

    [Fact]
    public void A_word_of_a_new_start_without_a_date_is_still_made_old_by_a_history_in_another_clause()
        => Assert.Equal(MentionStatus.Historical, Detector.LastMention("my toes catching since it started, my knee bad for years", "new-onset").Status);

    [Theory]
    [InlineData("not today, my toes have been catching for months")]
    [InlineData("not this week, my toes have been catching for months")]
    public void A_date_denied_at_the_start_of_a_message_does_not_make_a_sign_new(string message)
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect(message).RuleIds);
}
