using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Whose sign it is when the sign's own words begin with a person word, as "i trip" does in dialogs/redflags.json. On
/// the small vocabulary of <see cref="SmallVocabulary"/> with that one finding added.
/// </summary>
public sealed class PersonAtTheSignTests
{
    private static readonly RedFlagDetector Detector = SmallVocabulary.Detector(SmallVocabulary.Build(findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("trips", "i trip*"), SmallVocabulary.Find("he-trips", "he trip*")]));

    private static bool AboutSomeoneElse(string message, string findingId)
        => Detector.Explain(message).Mentions.Single(m => m.FindingId == findingId).AboutSomeoneElse;

    [Fact]
    public void A_sign_told_after_someone_else_and_then_the_writer_is_the_writers()
        => Assert.False(AboutSomeoneElse("dad told me i trip over my own feet", "trips"));

    [Fact]
    public void A_sign_whose_own_words_start_with_the_writer_is_the_writers_right_after_someone_else()
        => Assert.False(AboutSomeoneElse("dad says i trip a lot", "trips"));

    [Fact]
    public void A_sign_whose_own_words_start_with_someone_else_is_theirs_right_after_the_writer()
        => Assert.True(AboutSomeoneElse("i think he trips a lot", "he-trips"));
}
