using FootDrop.Content.Loading;
using FootDrop.Content.Recognition;

namespace FootDrop.Content.Tests;

/// <summary>People ask in their own words; the offline recogniser finds the right section or exercise.</summary>
public sealed class PhraseRecognizerTests
{
    private static readonly PhraseRecognizer Recognizer = Build();

    [Theory]
    [InlineData("what causes foot drop", MatchKind.Section, "causes")]
    [InlineData("why do people get drop foot?", MatchKind.Section, "causes")]
    [InlineData("whats an AFO", MatchKind.Section, "afo")]
    [InlineData("do I need a brace for my foot", MatchKind.Section, "afo")]
    [InlineData("why is my foot slapping", MatchKind.Section, "what-is-foot-drop")]
    [InlineData("what is foot drop", MatchKind.Section, "what-is-foot-drop")]
    [InlineData("Is foot drop permanent?", MatchKind.Section, "temporary-or-permanent")]
    [InlineData("will it go away on its own", MatchKind.Section, "temporary-or-permanent")]
    [InlineData("how do the exercises help", MatchKind.Section, "how-exercises-help")]
    [InlineData("which muscles should I work on", MatchKind.Section, "how-exercises-help")]
    [InlineData("what are the warning signs", MatchKind.Section, "warning-signs")]
    [InlineData("can a slipped disc cause this", MatchKind.Section, "causes")]
    [InlineData("toe lifts", MatchKind.Exercise, "toe-lifts")]
    [InlineData("I want to do the calf strech", MatchKind.Exercise, "calf-stretch")]
    [InlineData("the resistance band one", MatchKind.Exercise, "band-dorsiflexion")]
    [InlineData("seated dorsiflexion", MatchKind.Exercise, "seated-dorsiflexion")]
    public void A_question_in_the_users_own_words_finds_its_answer(string text, MatchKind kind, string id)
    {
        var match = Recognizer.Recognize(text);

        Assert.NotNull(match);
        Assert.Equal((kind, id), (match.Kind, match.Id));
    }

    [Theory]
    [InlineData("what's the weather like")]
    [InlineData("tell me a joke")]
    [InlineData("")]
    public void Unrelated_text_matches_nothing(string text) => Assert.Null(Recognizer.Recognize(text));

    private static PhraseRecognizer Build()
    {
        var content = ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, ContentLoadingTests.Requirements);
        var recognizer = new PhraseRecognizer();
        foreach (var section in content.Sections)
        {
            recognizer.Add(MatchKind.Section, section.Id, section.Phrases);
        }

        foreach (var exercise in content.Exercises)
        {
            recognizer.Add(MatchKind.Exercise, exercise.Id, exercise.Phrases.Append(exercise.Title));
        }

        return recognizer;
    }
}
