using FootDrop.Content.Text;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Which times a message mentions and how old they are, read by the date recogniser: the guards around it (an age in
/// decades, "now", a part of today still ahead) and its limits. On the tests' evening clock unless a test says otherwise.
/// </summary>
public sealed class TimeExpressionsTests
{
    private static readonly DateTime Evening = Detectors.Now.DateTime;

    private static readonly TimeExpressions Times = new();

    private static IReadOnlyList<TimeMention> Find(string text, DateTime? now = null, int maxSentences = RedFlagDetector.MaxTimeSentences, IReadOnlySet<int>? sentences = null)
        => Times.Find(TextNormalizer.Normalize(text), now ?? Evening, maxSentences, sentences);

    [Theory]
    [InlineData("her 50s since last week")]
    [InlineData("in her early 50s since last week")]
    [InlineData("in his late sixties since last week")]
    public void Someones_decade_of_life_is_not_a_time_but_the_date_beside_it_is(string text)
    {
        var time = Assert.Single(Find(text));

        Assert.InRange(time.AgeDays, 8.8, 8.9);
    }

    [Theory]
    [InlineData("in her mid 50s since last week")]
    [InlineData("in my 50s since last week")]
    [InlineData("in their 50s since last week")]
    [InlineData("in your 50s since last week")]
    [InlineData("in our 50s since last week")]
    public void Every_owner_and_every_part_of_a_decade_makes_it_an_age(string text)
        => Assert.InRange(Assert.Single(Find(text)).AgeDays, 8.8, 8.9);

    [Theory]
    [InlineData("i cath 5x a day")]
    [InlineData("i cath 5 x a day")]
    [InlineData("i cath 5 times a day")]
    [InlineData("i cath twice a day")]
    [InlineData("i cath once a day")]
    [InlineData("i cath thrice a day")]
    public void How_often_something_is_done_is_not_when_it_began(string text)
        => Assert.Empty(Find(text));

    [Theory]
    [InlineData("numb for a day")]
    [InlineData("numb for 5 days a week ago")]
    [InlineData("i lifted the box a day ago")]
    [InlineData("my foot went numb twice last week")]
    public void A_time_after_a_word_that_is_not_a_count_is_still_a_time(string text)
        => Assert.NotEmpty(Find(text));

    [Theory]
    [InlineData("could it come back one day")]
    [InlineData("one day my toes started catching")]
    public void One_day_is_some_day_not_a_day_ago(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("high stepping all day wears me out")]
    [InlineData("i wear the brace all day long")]
    [InlineData("the calf aches all night")]
    [InlineData("the calf aches all night long")]
    public void All_day_or_all_night_says_how_long_not_since_when(string text) => Assert.Empty(Find(text));

    [Fact]
    public void A_day_named_beside_all_day_is_still_a_time()
        => Assert.Single(Find("numb all day yesterday"));

    [Theory]
    [InlineData("numb for one day")]
    [InlineData("it went numb within one day")]
    public void One_day_after_for_or_within_is_still_how_long(string text) => Assert.Single(Find(text));

    [Fact]
    public void A_comma_keeps_a_weekday_apart_from_the_number_after_it()
    {
        // "Saturday 2" would be a 2nd of a month; "on Saturday, 2 hours long" is last Saturday and how long.
        var time = Assert.Single(Find("she sat cross legged on saturday, 2 hours long"));

        Assert.InRange(time.AgeDays, 3, 5);
    }

    [Fact]
    public void A_decade_at_the_very_start_is_read_as_the_decade()
        => Assert.Equal(2, Find("50s since last week").Count);

    [Fact]
    public void A_month_named_alone_is_not_a_time_even_after_in()
        => Assert.Empty(Find("had my hip done in march and since the op the foot will not lift"));

    [Fact]
    public void A_month_named_alone_is_not_a_time()
        => Assert.InRange(Assert.Single(Find("my wife june says my foot went numb since monday")).AgeDays, 1.8, 1.9);

    [Theory]
    [InlineData("in those 50s since last week")]
    [InlineData("in her very early 50s since last week")]
    [InlineData("in her early mid 50s since last week")]
    public void A_decade_not_owned_by_someone_is_read_as_the_decade(string text)
    {
        var times = Find(text);

        Assert.Equal(2, times.Count);
        Assert.Contains(times, t => t.AgeDays > 365 * 60);
    }

    [Theory]
    [InlineData("numb right now since monday")]
    [InlineData("just now numb since monday")]
    [InlineData("currently numb since monday")]
    [InlineData("numb now since monday")]
    public void Now_says_when_something_is_not_when_it_began(string text)
        => Assert.InRange(Assert.Single(Find(text)).AgeDays, 1.8, 1.9);

    [Theory]
    [InlineData("it began 2015")]
    [InlineData("in 2015 it began")]
    public void A_year_alone_is_a_time(string text)
        => Assert.InRange(Assert.Single(Find(text)).AgeDays, 4352, 4353);

    [Fact]
    public void A_weekday_since_that_the_recogniser_puts_ahead_is_the_last_one()
        => Assert.InRange(Assert.Single(Find("since wednesday")).AgeDays, 6.8, 6.9);

    [Theory]
    [InlineData("tonight his face dropped", 18)]
    [InlineData("this afternoon", 10)]
    [InlineData("since 9pm today", 20)]
    [InlineData("later today", 10)]
    public void A_part_of_today_still_ahead_is_today(string text, int hour)
        => Assert.Equal(0, Assert.Single(Find(text, new DateTime(2026, 12, 31, hour, 0, 0))).AgeDays);

    [Fact]
    public void A_season_of_this_year_is_dated_from_its_middle()
        => Assert.InRange(Assert.Single(Find("spring 2026")).AgeDays, 154.8, 154.9);

    [Fact]
    public void A_season_of_this_year_before_its_middle_is_recent()
        => Assert.Equal(0, Assert.Single(Find("spring 2026", new DateTime(2026, 3, 1, 20, 0, 0))).AgeDays);

    [Fact]
    public void A_season_of_a_year_ahead_is_no_time()
        => Assert.Empty(Find("spring 2027"));

    [Fact]
    public void A_moment_a_minute_ahead_of_the_clock_is_now()
        => Assert.Equal(0, Assert.Single(Find("at 8pm today", new DateTime(2026, 12, 1, 19, 59, 0))).AgeDays);

    [Fact]
    public void A_moment_more_than_a_minute_ahead_is_no_time()
        => Assert.Empty(Find("at 8pm today", new DateTime(2026, 12, 1, 19, 58, 0)));

    [Fact]
    public void A_day_long_duration_is_an_age_and_a_shorter_one_is_not()
    {
        Assert.Equal(1, Assert.Single(Find("for 24 hours")).AgeDays);
        Assert.Empty(Find("for 23 hours"));
    }

    [Fact]
    public void Only_so_many_sentences_are_given_to_the_recogniser()
    {
        var times = Find("it started 1 day ago. it started 2 days ago. it started 3 days ago", maxSentences: 2);

        Assert.Equal([1.8, 2.8], times.Select(t => Math.Round(t.AgeDays, 1)));
    }

    [Fact]
    public void Sentences_without_a_time_word_do_not_count_towards_the_limit()
    {
        var times = Find("hello there my friend. it started 1 day ago. nothing else to say here. it started 2 days ago", maxSentences: 2);

        Assert.Equal(2, times.Count);
    }

    [Fact]
    public void Only_the_sentences_asked_for_are_read()
    {
        var times = Find("it started 1 day ago. it started 2 days ago. it started 3 days ago", sentences: new HashSet<int> { 1 });

        Assert.InRange(Assert.Single(times).AgeDays, 2.8, 2.9);
    }

    [Fact]
    public void A_time_is_placed_on_the_words_that_say_it()
    {
        var time = Assert.Single(Find("my foot went numb 3 days ago"));

        Assert.Equal((4, 7, false), (time.StartToken, time.EndToken, time.IsDuration));
    }

    [Fact]
    public void A_duration_is_marked_as_one()
        => Assert.True(Assert.Single(Find("numb for three weeks")).IsDuration);

    [Fact]
    public void A_stroke_tonight_told_before_the_evening_begins_is_an_emergency_on_the_last_day_of_the_year()
    {
        var detector = new RedFlagDetector(Detectors.Vocabulary, new FixedClock(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero)));

        Assert.Equal(CareLevel.Emergency, detector.Detect("tonight his face dropped on one side").Level);
    }

    [Theory]
    [InlineData("since like wednesday")]
    [InlineData("since like last week")]
    public void A_hedging_like_after_since_is_left_out(string text) => Assert.Equal(0, Assert.Single(Find(text)).StartToken);

    [Fact]
    public void Like_after_another_word_stays_and_the_date_after_it_is_still_read()
        => Assert.Equal(2, Assert.Single(Find("tingles like wednesday")).StartToken);

    [Fact]
    public void A_like_opening_a_sentence_is_read_as_it_is() => Assert.Single(Find("like 3 weeks ago"));

    [Fact]
    public void A_hedged_time_keeps_its_words_from_the_time_word_on()
    {
        var time = Assert.Single(Find("yes since like wednesday"));

        Assert.Equal((1, 4), (time.StartToken, time.EndToken));
    }

    [Fact]
    public void Like_at_the_end_is_not_left_out() => Assert.Empty(Find("since like"));
}
