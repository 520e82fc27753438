using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Where a clause ends, for a denial after a sign ("numb? none, and ...") and for a condition ("if ..., but now ...").
/// On the small vocabulary of <see cref="SmallVocabulary"/>, with every contrast word as a terminator.
/// </summary>
public sealed class ClauseEndTests
{
    private static readonly string[] Contrasts = ["but", "however", "though", "tho", "although", "yet", "whereas"];

    private static readonly RedFlagDetector Detector = SmallVocabulary.Detector(SmallVocabulary.Build(modifiers:
    [
        .. SmallVocabulary.Modifiers.Where(m => m.Category != ContextCategory.Terminate),
        new(ContextCategory.Terminate, ContextDirection.Both, 0, [.. Contrasts, "because"]),
    ]));

    [Theory]
    [InlineData("and")]
    [InlineData("but")]
    [InlineData("so")]
    [InlineData("or")]
    [InlineData("though")]
    [InlineData("tho")]
    [InlineData("thanks")]
    [InlineData("thank")]
    [InlineData("now")]
    [InlineData("too")]
    [InlineData("as")]
    [InlineData("thankfully")]
    [InlineData("luckily")]
    public void A_denial_after_a_sign_denies_it_when_the_clause_ends_there(string joiner)
        => Assert.Equal(CareLevel.None, Detector.Detect($"my foot numb none {joiner} the weather is lovely").Level);

    [Theory]
    [InlineData("my foot numb none tho")]
    [InlineData("my foot numb none though. the weather is lovely")]
    [InlineData("my foot numb none though, the weather is lovely")]
    public void A_denial_closed_by_though_concedes_the_sign(string message)
        => Assert.Equal(CareLevel.Urgent, Detector.Detect(message).Level);

    [Fact]
    public void A_denial_after_a_sign_that_runs_on_into_more_words_denies_nothing()
        => Assert.Equal(CareLevel.Urgent, Detector.Detect("my foot numb none the weather is lovely").Level);

    [Theory]
    [InlineData("but")]
    [InlineData("however")]
    [InlineData("though")]
    [InlineData("tho")]
    [InlineData("although")]
    [InlineData("yet")]
    [InlineData("whereas")]
    public void A_contrast_ends_a_condition(string contrast)
        => Assert.Equal(CareLevel.Emergency, Detector.Detect($"if it rains {contrast} my face drooping").Level);

    [Fact]
    public void A_terminator_that_is_no_contrast_does_not_end_a_condition()
        => Assert.Equal(CareLevel.None, Detector.Detect("if it rains because my face drooping").Level);
}
