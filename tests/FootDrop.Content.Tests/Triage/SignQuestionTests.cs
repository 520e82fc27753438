using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// A question in general about a warning sign ("does a numb groin mean something bad?") is marked, so the bot can answer
/// with the warning signs rather than "I didn't get that"; nothing it marks raises an alarm or asks a question.
/// </summary>
public sealed class SignQuestionTests
{
    [Theory]
    [InlineData("is numbness a warning sign")]
    [InlineData("is a face drooping a warning sign")]
    public void A_general_question_about_a_sign_on_its_own_is_a_question_about_signs(string message)
    {
        var result = SmallVocabulary.Detector().Detect(message);

        Assert.Equal((true, CareLevel.None, null), (result.AsksAboutSigns, result.Level, result.Clarify?.Id));
    }

    [Fact]
    public void A_general_question_about_a_finding_that_is_a_sign_only_with_another_is_not()
        => Assert.False(SmallVocabulary.Detector().Detect("is toes catching a warning sign").AsksAboutSigns);

    [Fact]
    public void A_general_question_about_a_hint_of_an_emergency_is_a_question_about_signs()
        => Assert.True(SmallVocabulary.Detector().Detect("is face feels odd a warning sign").AsksAboutSigns);

    [Fact]
    public void A_general_question_about_a_hint_of_a_leg_sign_is_not()
        => Assert.False(SmallVocabulary.Detector().Detect("is funny a warning sign").AsksAboutSigns);

    [Fact]
    public void A_sign_reported_is_an_alarm_not_a_question_about_signs()
    {
        var result = SmallVocabulary.Detector().Detect("my foot is numb");

        Assert.Equal((true, false), (result.IsRedFlag, result.AsksAboutSigns));
    }

    [Fact]
    public void A_denied_sign_is_not_a_question_about_signs()
        => Assert.False(SmallVocabulary.Detector().Detect("no numbness").AsksAboutSigns);

    [Theory]
    [InlineData("does a numb groin mean something bad?")]
    [InlineData("Dear Sir, is tingling in the foot a bad sign?")]
    [InlineData("can pain that shoots down the leg be serious?")]
    [InlineData("is losing bladder control a bad sign with foot drop?")]
    public void A_question_in_the_users_own_words_about_a_real_warning_sign_is_marked(string message)
    {
        var result = Detectors.RulesOnly.Detect(message);

        Assert.Equal((true, CareLevel.None), (result.AsksAboutSigns, result.Level));
    }

    [Theory]
    [InlineData("what exercises are good for foot drop?")]
    [InlineData("how long will foot drop last?")]
    public void A_question_about_anything_else_is_not_marked(string message)
        => Assert.False(Detectors.RulesOnly.Detect(message).AsksAboutSigns);
}
