using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// "Numb? No." A sign asked about and answered with a denial in the next sentence is denied; any other answer leaves it
/// reported. On the small vocabulary of <see cref="SmallVocabulary"/>, so these pin the reading code, not dialogs/.
/// </summary>
public sealed class AnsweredQuestionsTests
{
    private static readonly RedFlagDetector Detector = SmallVocabulary.Detector();

    private static CareLevel Level(string message) => Detector.Detect(message).Level;

    [Theory]
    [InlineData("is my foot going numb at all? no")]
    [InlineData("is my foot going numb at all? nope")]
    [InlineData("is my foot going numb at all? nah")]
    [InlineData("is my foot going numb at all? none")]
    [InlineData("is my foot going numb at all? not really")]
    [InlineData("is my foot going numb at all? never")]
    [InlineData("is my foot going numb at all? nothing")]
    [InlineData("is my foot going numb at all? not at all")]
    [InlineData("is my foot going numb at all? no no no no")]
    [InlineData("is my foot going numb at all? neither no")]
    [InlineData("is my foot going numb at all? again no")]
    [InlineData("is my foot going numb at all? also none")]
    [InlineData("is my foot going numb at all? nah nah and nah")]
    [InlineData("is my foot going numb at all? no and no")]
    public void A_sign_asked_about_and_answered_by_a_bare_denial_is_denied(string message)
        => Assert.Equal(CareLevel.None, Level(message));

    [Theory]
    [InlineData("is my foot going numb at all? no no no no no")]
    [InlineData("is my foot going numb at all? no idea")]
    [InlineData("is my foot going numb at all? really")]
    [InlineData("is my foot going numb at all? also again")]
    [InlineData("is my foot going numb at all? and again")]
    [InlineData("is my foot going numb at all? nope, for ages")]
    public void A_long_question_answered_by_more_than_a_bare_denial_stays_reported(string message)
        => Assert.Equal(CareLevel.Urgent, Level(message));

    [Theory]
    [InlineData("my foot numb? no, for ages")]
    [InlineData("my foot numb? nope, for ages")]
    [InlineData("my foot numb? nah, for ages")]
    [InlineData("my foot numb? not for ages")]
    [InlineData("my foot numb? never since monday")]
    [InlineData("my foot numb? none since monday")]
    [InlineData("my foot numb? zero since monday")]
    [InlineData("my foot numb? nothing since monday")]
    [InlineData("my foot numb? also no sign since monday")]
    [InlineData("my foot numb? again nothing since monday")]
    public void A_short_question_answered_by_a_sentence_starting_with_a_denial_is_denied(string message)
        => Assert.Equal(CareLevel.None, Level(message));

    [Theory]
    [InlineData("is my foot numb now? nope, for ages")]
    [InlineData("my foot numb? yes since monday")]
    [InlineData("my foot numb? also")]
    [InlineData("my foot numb? also since monday")]
    public void A_sentence_starting_with_a_denial_answers_only_a_short_question(string message)
        => Assert.Equal(CareLevel.Urgent, Level(message));

    [Fact]
    public void A_statement_followed_by_a_denial_is_not_answered()
        => Assert.Equal(CareLevel.Urgent, Level("my foot went numb today. no"));

    [Theory]
    [InlineData("numb foot? yes. none of those")]
    [InlineData("numb foot? yeah. none of those")]
    [InlineData("numb foot? yep. none of those")]
    [InlineData("numb foot? yup. none of those")]
    [InlineData("numb foot? yea. none of those")]
    [InlineData("numb foot? aye. none of those")]
    [InlineData("numb foot? ya. none of those")]
    public void A_sign_confirmed_before_the_rest_is_denied_stays_reported(string message)
        => Assert.Equal(CareLevel.Urgent, Level(message));

    [Fact]
    public void A_sign_asked_about_and_answered_no_before_the_rest_is_denied_is_denied()
        => Assert.Equal(CareLevel.None, Level("numb foot? no. none of those"));

    [Fact]
    public void A_denying_phrase_said_before_the_question_does_not_answer_it()
        => Assert.Equal(CareLevel.Urgent, Level("none of those, sorry. my foot numb? it does"));
}
