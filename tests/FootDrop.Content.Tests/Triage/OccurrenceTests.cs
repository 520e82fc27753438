using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// How a sign is read together with the place it is about: the small vocabulary's foot-drop-sign is "dragging" or
/// "catching" within three words of a foot word (<see cref="SmallVocabulary"/>).
/// </summary>
public sealed class OccurrenceTests
{
    private static FindingMention? FootDropSign(string message)
        => SmallVocabulary.Detector().Explain(message).Mentions.SingleOrDefault(m => m.FindingId == "foot-drop-sign");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_sign_and_its_place_are_read_together_up_to_their_number_of_words_apart(bool signFirst)
    {
        for (var fillers = 0; fillers <= 6; fillers++)
        {
            var gap = string.Join(' ', Enumerable.Repeat("la", fillers));
            var message = signFirst ? $"catching {gap} toes" : $"toes {gap} catching";

            Assert.True((FootDropSign(message) is not null) == (fillers <= 3), message);
        }
    }

    [Fact]
    public void Commas_between_a_place_and_its_sign_are_not_counted_as_words()
        => Assert.NotNull(FootDropSign("my toes, i think, keep catching"));

    [Fact]
    public void A_sign_read_with_its_place_spans_both()
    {
        // A rule's reach ("within 8") is measured from the mention, so the place is as much a part of it as the sign.
        var mention = FootDropSign("my toes keep catching");

        Assert.Equal((1, 4), (mention?.Start, mention?.End));
    }

    [Fact]
    public void A_denial_between_a_place_and_its_sign_denies_the_sign()
        => Assert.Equal(MentionStatus.Negated, FootDropSign("my toes not catching")?.Status);
}
