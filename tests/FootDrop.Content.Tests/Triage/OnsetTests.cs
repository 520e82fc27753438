using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>How the answer to "when did it start?" is read: its age, and whether it came on suddenly or slowly.</summary>
public sealed class OnsetTests
{
    private static RedFlagDetector Detector => Detectors.RulesOnly;

    [Theory]
    [InlineData("3 days ago", 3)]
    [InlineData("for about 3 weeks", 21)]
    [InlineData("yesterday morning", 1.5)]
    [InlineData("since 2015", 4000)]
    [InlineData("for ten years", 3650)]
    [InlineData("a couple of weeks", 14)]
    [InlineData("last week", 8)]
    public void The_age_of_the_start_is_read(string answer, double expectedDays)
    {
        var onset = Read(answer);

        Assert.NotNull(onset.AgeDays);
        Assert.InRange(onset.AgeDays!.Value, expectedDays * 0.6, expectedDays * 1.4 + 1);
    }

    // The tests' clock is Tuesday 1 December 2026, 20:00.
    [Theory]
    [InlineData("it started on 3 November", 28.8, 28.9)]
    [InlineData("for a day", 1, 1)]
    [InlineData("since monday", 1.8, 1.9)]
    [InlineData("spring 2025", 519.8, 519.9)]
    [InlineData("3 days ago, or maybe since last week", 3.8, 3.9)]
    [InlineData("2 weeks ago, no, 3 days ago", 3.8, 3.9)]
    [InlineData("on monday", 1.8, 1.9)]
    [InlineData("since tuesday", 0.8, 0.9)]
    [InlineData("since sunday", 2.8, 2.9)]
    public void The_age_of_the_start_is_read_to_the_day(string answer, double fromDays, double toDays)
    {
        var onset = Read(answer);

        Assert.NotNull(onset.AgeDays);
        Assert.InRange(onset.AgeDays!.Value, fromDays, toDays);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("no idea really")]
    [InlineData("a while")]
    public void A_start_without_a_date_has_no_age(string answer) => Assert.Null(Read(answer).AgeDays);

    [Theory]
    [InlineData("out of nowhere yesterday", true)]
    [InlineData("all of a sudden this morning", true)]
    [InlineData("it came on slowly over months", false)]
    [InlineData("gradually, over the years", false)]
    [InlineData("last month", null)]
    public void Sudden_and_slow_starts_are_read(string answer, bool? sudden) => Assert.Equal(sudden, Read(answer).Sudden);

    private static OnsetReading Read(string answer) => Detector.ReadOnset(answer, "sudden-onset", "gradual-onset");
}
