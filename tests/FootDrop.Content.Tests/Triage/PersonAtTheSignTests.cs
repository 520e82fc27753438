using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Whose sign it is when the sign's own words begin with a person word, as "i trip" does in dialogs/redflags.json. On
/// the small vocabulary of <see cref="SmallVocabulary"/> with that one finding added.
/// </summary>
public sealed class PersonAtTheSignTests
{
    [Fact]
    public void A_sign_told_after_someone_else_and_then_the_writer_is_the_writers()
    {
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build(findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("trips", "i trip*")]));

        // The last person named before "i trip" is "me", not "dad", who was named first.
        Assert.False(detector.Explain("dad told me i trip over my own feet").Mentions.Single(m => m.FindingId == "trips").AboutSomeoneElse);
    }
}
