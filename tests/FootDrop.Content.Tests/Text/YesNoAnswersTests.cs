using FootDrop.Content.Text;

namespace FootDrop.Content.Tests.Text;

/// <summary>Typed answers to a yes/no question; a doubt is never read as a no.</summary>
public sealed class YesNoAnswersTests
{
    [Theory]
    [InlineData("yes", YesNo.Yes)]
    [InlineData("Yeah!!", YesNo.Yes)]
    [InlineData("yep", YesNo.Yes)]
    [InlineData("aye", YesNo.Yes)]
    [InlineData("a little bit", YesNo.Yes)]
    [InlineData("I think so", YesNo.Yes)]
    [InlineData("I have", YesNo.Yes)]
    [InlineData("no", YesNo.No)]
    [InlineData("nope", YesNo.No)]
    [InlineData("nah", YesNo.No)]
    [InlineData("not really", YesNo.No)]
    [InlineData("I don't think so", YesNo.No)]
    [InlineData("none of those", YesNo.No)]
    [InlineData("not sure", YesNo.Unsure)]
    [InlineData("no idea", YesNo.Unsure)]
    [InlineData("not really sure", YesNo.Unsure)]
    [InlineData("I dunno", YesNo.Unsure)]
    [InlineData("idk", YesNo.Unsure)]
    [InlineData("maybe", YesNo.Unsure)]
    [InlineData("hard to say", YesNo.Unsure)]
    [InlineData("unsure", YesNo.Unsure)]
    public void A_short_answer_is_read(string text, YesNo expected) => Assert.Equal(expected, YesNoAnswers.Recognize(text));

    [Theory]
    [InlineData("no, but my foot has been slapping since Tuesday", YesNo.No)]
    [InlineData("yes my face feels a bit odd on one side today", YesNo.Yes)]
    [InlineData("not really, it's been the same for years and years now", YesNo.No)]
    [InlineData("not sure to be honest, it comes and goes a lot", YesNo.Unsure)]
    public void A_long_message_is_an_answer_only_by_its_first_words(string text, YesNo expected)
        => Assert.Equal(expected, YesNoAnswers.Recognize(text));

    [Theory]
    [InlineData("I have had foot drop for ten years since my stroke")]
    [InlineData("it is what it is, I just want some exercises please")]
    [InlineData("what do you mean?")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_statement_or_a_question_is_not_an_answer(string text) => Assert.Null(YesNoAnswers.Recognize(text));

    [Theory]
    [InlineData("ok done")]
    [InlineData("ok next exercise")]
    [InlineData("Band snapped. Towel ok?")]
    [InlineData("sure")]
    [InlineData("is that bad?")]
    public void To_a_question_about_symptoms_an_acknowledgement_or_a_question_back_is_no_answer(string text)
        => Assert.Null(YesNoAnswers.Recognize(text, aboutSymptoms: true));

    [Theory]
    [InlineData("yes", YesNo.Yes)]
    [InlineData("yes?", YesNo.Yes)]
    [InlineData("a bit", YesNo.Yes)]
    [InlineData("no", YesNo.No)]
    [InlineData("no idea", YesNo.Unsure)]
    [InlineData("yes, my face feels odd?", YesNo.Yes)]
    public void To_a_question_about_symptoms_a_real_answer_is_still_read(string text, YesNo expected)
        => Assert.Equal(expected, YesNoAnswers.Recognize(text, aboutSymptoms: true));

    [Theory]
    [InlineData("ok")]
    [InlineData("sure")]
    public void To_any_other_question_an_acknowledgement_is_a_yes(string text)
        => Assert.Equal(YesNo.Yes, YesNoAnswers.Recognize(text));
}
