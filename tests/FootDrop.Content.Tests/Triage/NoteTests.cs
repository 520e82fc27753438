using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Ordinary things said in words close to a sign get their own answer from dialogs/redflags.json's notes (issue #14:
/// never "I didn't get that" to a message about the body), and a note never hides a sign or a question a sign is due.
/// </summary>
public sealed class NoteTests
{
    private static RedFlagDetector Detector => Detectors.RulesOnly;

    [Theory]
    [InlineData("calves a bit sore after yesterday's stretches. normal?")]
    [InlineData("shins a little achy today, like after the gym")]
    [InlineData("a bit sore after the exercises yesterday, is that ok")]
    [InlineData("my calves are so stiff from the stretches")]
    public void The_ache_after_the_exercises_gets_its_answer_instead_of_the_leg_question(string message)
    {
        var result = Detector.Detect(message);

        Assert.Equal(("ache-after-exercise", null, CareLevel.None), (result.Note?.Id, result.Clarify?.Id, result.Level));
    }

    [Theory]
    [InlineData("his calves are stiff")]
    [InlineData("my ankle aches")]
    public void An_ache_with_nothing_new_gets_the_leg_ache_answer(string message)
        => Assert.Equal("leg-ache", Detector.Detect(message).Note?.Id);

    [Theory]
    [InlineData("my calf is numb after yesterday's stretches")]
    [InlineData("calves sore after the stretches and my foot is slapping down since yesterday")]
    public void A_sign_beside_the_ache_after_the_exercises_is_still_urgent(string message)
    {
        var result = Detector.Detect(message);

        Assert.True(result.IsRedFlag, $"{message}: {result.Level}");
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData("my calves feel weird since yesterday's stretches", "clarify-leg")]
    [InlineData("my calves are stiff since yesterday", "clarify-leg")]
    [InlineData("sore after the exercises and her face looks a bit odd", "clarify-stroke")]
    public void A_hint_of_a_sign_beside_an_ache_still_gets_its_question(string message, string question)
    {
        var result = Detector.Detect(message);

        Assert.Equal((question, null), (result.Clarify?.Id, result.Note?.Id));
    }

    [Theory]
    [InlineData("calves aren't sore after the stretches")]
    [InlineData("no aches in my legs at all")]
    public void A_denied_ache_gets_no_answer(string message) => Assert.Null(Detector.Detect(message).Note);

    [Theory]
    [InlineData(false, "clarify-leg", null)]
    [InlineData(true, null, "ache")]
    public void Only_a_note_that_stands_in_for_the_leg_question_replaces_it(bool insteadOfLegQuestion, string? question, string? note)
    {
        var vocabulary = SmallVocabulary.Build(
            findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("ache", "ache")],
            notes: [new AnswerNote("ache", "an ache", [["ache"]], null, insteadOfLegQuestion, "Aches happen.")]);

        var result = SmallVocabulary.Detector(vocabulary).Detect("a new ache in my leg");

        Assert.Equal((question, note), (result.Clarify?.Id, result.Note?.Id));
    }

    [Fact]
    public void A_note_is_not_given_with_a_sign()
    {
        var vocabulary = SmallVocabulary.Build(
            findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("ache", "ache")],
            notes: [new AnswerNote("ache", "an ache", [["ache"]], null, InsteadOfLegQuestion: true, "Aches happen.")]);

        var result = SmallVocabulary.Detector(vocabulary).Detect("an ache and my foot is numb");

        Assert.Equal((CareLevel.Urgent, null), (result.Level, result.Note?.Id));
    }
}
