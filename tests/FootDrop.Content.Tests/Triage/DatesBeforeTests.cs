using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// A date long ago makes a sign long-standing, unless the few words just before it say the date is something else: a
/// comparison ("worse than in 2015", up to seven words back), a denial ("it was not in 2015", up to four), a death
/// ("since my dad passed in 2015"), or "new" right before it ("new since 2015").
/// On the small vocabulary of <see cref="SmallVocabulary"/>.
/// </summary>
public sealed class DatesBeforeTests
{
    private static readonly RedFlagDetector Detector = SmallVocabulary.Detector();

    [Fact]
    public void A_sign_dated_long_ago_is_not_new()
        => Assert.Equal(CareLevel.None, Detector.Detect("my foot has been numb since 2015").Level);

    [Theory]
    [InlineData("my foot is numb, worse than in 2015")]
    [InlineData("my foot is numb compared to 2015")]
    [InlineData("my foot is numb vs 2015")]
    [InlineData("my foot is numb versus 2015")]
    [InlineData("my foot is numb and it was not in 2015")]
    [InlineData("my foot is numb and never in 2015")]
    [InlineData("my foot is numb since my dad passed in 2015")]
    [InlineData("my foot is numb since my dad died in 2015")]
    [InlineData("my foot is numb since my dad was dead in 2015")]
    [InlineData("my foot is numb since my dad was buried in 2015")]
    [InlineData("my foot is numb, worse than it was in 2015")]
    public void A_date_that_says_something_other_than_when_the_sign_began_leaves_it_new(string message)
        => Assert.Equal(CareLevel.Urgent, Detector.Detect(message).Level);

    [Fact]
    public void A_sign_new_since_a_date_long_ago_is_new()
        => Assert.Equal(CareLevel.Urgent, WithoutNewAsAStart.Detect("my foot is numb, new since 2015").Level);

    [Fact]
    public void New_a_word_before_a_date_long_ago_does_not_make_the_sign_new()
        => Assert.NotEqual(CareLevel.Urgent, WithoutNewAsAStart.Detect("my foot is numb, new shoes since 2015").Level);

    // In the small vocabulary "new" is itself a word of a new start; without it, only the date check can keep the sign new.
    private static readonly RedFlagDetector WithoutNewAsAStart = SmallVocabulary.Detector(SmallVocabulary.Build(
        findings: [.. SmallVocabulary.Findings.Where(f => f.Id != "new-onset"), SmallVocabulary.Timed("new-onset", FindingTiming.Recent, "started")]));

    [Theory]
    [InlineData("my foot is numb and it was not really like this in 2015")]
    [InlineData("my foot is numb, worse than, in 2015")]
    public void Only_the_four_words_just_before_a_date_can_deny_it(string message)
        => Assert.NotEqual(CareLevel.Urgent, Detector.Detect(message).Level);

    [Theory]
    [InlineData("my foot is numb, worse than it really was in 2015")]
    [InlineData("my foot is numb, flopping harder than it has been in 2015")]
    public void A_comparison_reaches_seven_words_back(string message)
        => Assert.Equal(CareLevel.Urgent, Detector.Detect(message).Level);

    [Fact]
    public void A_comparison_further_back_than_seven_words_leaves_the_date_old()
        => Assert.NotEqual(CareLevel.Urgent, Detector.Detect("my foot is numb, worse than it had really truly been so bad in 2015").Level);

    [Theory]
    [InlineData("my foot went numb again after 10 years of nothing")]
    [InlineData("my foot went numb again after 10 years of no trouble")]
    [InlineData("my foot went numb again after 10 years of peace")]
    [InlineData("my foot went numb again after 10 years without it")]
    [InlineData("my foot went numb again after 10 years free of it")]
    [InlineData("my foot went numb again after 10 years clear")]
    public void Years_of_quiet_before_a_sign_came_back_leave_it_new(string message)
        => Assert.Equal(CareLevel.Urgent, Detector.Detect(message).Level);

    [Theory]
    [InlineData("my foot went numb after 10 years of work on the farm")]
    [InlineData("my foot has been numb for 10 years")]
    [InlineData("my foot has been numb since 2015, no change")]
    [InlineData("my foot has been numb for 10 years of")]
    public void Years_that_are_not_a_quiet_before_it_still_make_a_sign_old(string message)
        => Assert.Equal(CareLevel.None, Detector.Detect(message).Level);
}
