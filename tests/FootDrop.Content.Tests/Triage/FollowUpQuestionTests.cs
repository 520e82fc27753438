using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// A message that hints at a face or bladder sign and, elsewhere, at the leg gets the more serious question first and
/// the leg question after a no: a no about the face must not drop the leg.
/// </summary>
public sealed class FollowUpQuestionTests
{
    [Fact]
    public void A_leg_hinted_beside_a_face_hint_is_asked_about_next()
    {
        var result = SmallVocabulary.Detector().Detect("my face feels odd and my foot is funny");

        Assert.Equal((SignArea.Stroke, SignArea.Leg), (result.Clarify?.Area, result.ThenClarify?.Area));
    }

    [Fact]
    public void A_face_hint_alone_has_no_question_after_it()
        => Assert.Null(SmallVocabulary.Detector().Detect("my face feels odd").ThenClarify);

    [Fact]
    public void An_urgent_sign_has_no_question_after_its_own()
        => Assert.Null(SmallVocabulary.Detector().Detect("my face feels odd and my foot is numb").ThenClarify);

    [Fact]
    public void The_question_after_never_repeats_the_first()
    {
        var vocabulary = SmallVocabulary.Build(rules: [.. SmallVocabulary.Rules, SmallVocabulary.Rule("hint-stroke", CareLevel.None, SignArea.Stroke, ["face-odd"])]);

        var result = SmallVocabulary.Detector(vocabulary).Detect("my face feels odd");

        Assert.Equal((SignArea.Stroke, null), (result.Clarify?.Area, result.ThenClarify?.Area));
    }

    [Theory]
    [InlineData("my face feels a bit funny and my arm feels odd")]
    [InlineData("my face feels a bit funny")]
    [InlineData("his speech sounds a bit off since yesterday")]
    public void Words_inside_the_face_hint_are_not_a_second_hint(string message)
    {
        var result = Detectors.RulesOnly.Detect(message);

        Assert.Equal((SignArea.Stroke, null), (result.Clarify?.Area, result.ThenClarify?.Area));
    }

    [Theory]
    [InlineData("her face looks a bit odd and her ankle feels weird", SignArea.Stroke)]
    [InlineData("my bladder feels a bit odd and my foot keeps catching", SignArea.CaudaEquina)]
    [InlineData("his slipper keeps slipping off, he cant grip it, and he is tripping on the doorstep every time", SignArea.Stroke)]
    public void The_leg_question_follows_the_face_or_bladder_question(string message, SignArea first)
    {
        var result = Detectors.RulesOnly.Detect(message);

        Assert.Equal((first, SignArea.Leg), (result.Clarify?.Area, result.ThenClarify?.Area));
    }
}
