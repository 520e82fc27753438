using FootDrop.Bot.Recognition;

namespace FootDrop.Bot.Tests.Recognition;

/// <summary>The symptom check reads when the foot weakness started from the user's own words.</summary>
public sealed class TextRecognizersTests
{
    private static readonly TextRecognizers Recognizers = new();

    [Theory]
    [InlineData("for about three weeks", "duration", 21)]
    [InlineData("2 days ago", "date", 2)]
    [InlineData("this morning", "datetimerange", 0)]
    public void An_onset_answer_is_read_as_a_date_or_a_duration(string answer, string expectedType, int daysAgo)
    {
        var now = new DateTime(2026, 11, 24, 15, 0, 0);

        var mention = Assert.Single(Recognizers.RecognizeDateTimes(answer, now));

        Assert.Equal(expectedType, mention.Type);
        var start = mention.Duration is { } duration ? now - duration : mention.Start!.Value;
        Assert.Equal(daysAgo, (now.Date - start.Date).Days);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("")]
    public void An_answer_without_a_date_gives_no_date(string answer)
        => Assert.Empty(Recognizers.RecognizeDateTimes(answer, new DateTime(2026, 11, 24, 15, 0, 0)));
}
