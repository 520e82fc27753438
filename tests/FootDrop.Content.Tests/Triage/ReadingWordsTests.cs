using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// The small word lists inside the reading logic, one word per case: which words join a negated list, which make a
/// sign a negative one, which say a sign is new, which make that a supposition, which say "until", and the reason each
/// status is given. On the small vocabulary of <see cref="SmallVocabulary"/>.
/// </summary>
public sealed class ReadingWordsTests
{
    private static MentionStatus StatusOf(RedFlagDetector detector, string message, string findingId)
        => detector.LastMention(message, findingId).Status;

    [Theory]
    [InlineData("or")]
    [InlineData("and")]
    [InlineData("nor")]
    [InlineData("any")]
    [InlineData("either")]
    [InlineData("also")]
    [InlineData("anything")]
    [InlineData("else")]
    [InlineData("other")]
    public void A_negation_carries_past_a_comma_through_a_list_word(string connector)
        => Assert.Equal(MentionStatus.Negated, StatusOf(SmallVocabulary.Detector(), $"no numbness, {connector} tingling", "numbness"));

    [Fact]
    public void A_negation_carries_through_a_bare_no_between_commas()
        => Assert.Equal(MentionStatus.Negated, StatusOf(SmallVocabulary.Detector(), "no numbness, no, tingling", "numbness"));

    [Fact]
    public void A_word_that_joins_no_list_stops_the_negation_at_the_comma()
    {
        var detector = SmallVocabulary.Detector();

        Assert.Equal(MentionStatus.Affirmed, StatusOf(detector, "no numbness, sadly tingling", "numbness"));
        Assert.Equal(CareLevel.Urgent, detector.Detect("no numbness, sadly tingling").Level);
    }

    [Fact]
    public void A_list_negation_reaches_over_four_words_and_no_further()
    {
        var detector = SmallVocabulary.Detector();

        Assert.Equal(MentionStatus.Negated, StatusOf(detector, "no numbness, or else any tingling", "numbness"));
        Assert.Equal(MentionStatus.Affirmed, StatusOf(detector, "no numbness, or else any other tingling", "numbness"));
    }

    [Fact]
    public void A_list_negation_works_late_in_a_long_message()
    {
        const string Prefix = "we walked to the shops and back this morning and had a cup of tea with the neighbours who came round after lunch to talk about the garden";
        Assert.Equal(MentionStatus.Negated, StatusOf(SmallVocabulary.Detector(), $"{Prefix} no numbness, or tingling", "numbness"));
    }

    [Fact]
    public void A_list_negation_does_not_come_from_a_sign_that_was_reported()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), "my face drooping, or tingling", "numbness"));

    [Fact]
    public void A_list_negation_is_given_its_reason()
    {
        var mention = SmallVocabulary.Detector().Explain("no numbness, or tingling").Mentions.Last(m => m.FindingId == "numbness");
        Assert.Equal("negated in a list", mention.Why);
    }

    [Theory]
    [InlineData("not")]
    [InlineData("no")]
    [InlineData("never")]
    [InlineData("nothing")]
    [InlineData("none")]
    [InlineData("without")]
    [InlineData("nor")]
    public void A_sign_that_is_itself_a_negation_is_not_undone_by_another(string negation)
    {
        var detector = NegativeSignDetector(negation);
        Assert.Equal(CareLevel.Emergency, detector.Detect($"my legs feel {negation} none").Level);
    }

    [Fact]
    public void A_sign_without_a_negation_in_it_is_undone_by_one()
        => Assert.Equal(CareLevel.None, NegativeSignDetector("odd").Detect("my legs feel odd none").Level);

    private static RedFlagDetector NegativeSignDetector(string word)
        => SmallVocabulary.Detector(SmallVocabulary.Build(
            findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("dead-legs", $"legs feel {word}")],
            rules: [.. SmallVocabulary.Rules, SmallVocabulary.Rule("dead-legs", CareLevel.Emergency, SignArea.Leg, ["dead-legs"])]));

    [Theory]
    [InlineData("is")]
    [InlineData("are")]
    [InlineData("was")]
    [InlineData("feels")]
    [InlineData("looks")]
    [InlineData("seems")]
    public void A_sign_said_to_be_different_now_is_not_made_old_by_its_history(string verb)
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), $"my foot numb for years, it {verb} different", "numbness"));

    [Fact]
    public void A_sign_said_to_be_new_is_not_made_old_by_its_history()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), "my foot numb for years, it is new", "numbness"));

    [Fact]
    public void A_sign_said_to_be_the_same_stays_in_its_history()
        => Assert.Equal(MentionStatus.Historical, StatusOf(SmallVocabulary.Detector(), "my foot numb for years, it is same", "numbness"));

    [Fact]
    public void A_novelty_in_the_next_sentence_does_not_reach_back()
        => Assert.Equal(MentionStatus.Historical, StatusOf(SmallVocabulary.Detector(), "my foot numb for years. it is different", "numbness"));

    [Fact]
    public void A_novelty_said_outright_turns_a_condition_into_a_report()
        => Assert.Equal(CareLevel.Emergency, SmallVocabulary.Detector().Detect("if my face drooping, that is new").Level);

    [Theory]
    [InlineData("if")]
    [InlineData("whether")]
    [InlineData("when")]
    [InlineData("unless")]
    public void A_novelty_that_is_itself_supposed_leaves_the_condition(string condition)
        => Assert.Equal(CareLevel.None, SmallVocabulary.Detector().Detect($"if my face drooping, {condition} it is new").Level);

    [Fact]
    public void A_supposition_reaches_three_words_back_from_the_novelty()
    {
        var detector = SmallVocabulary.Detector();

        Assert.Equal(CareLevel.None, detector.Detect("if my face drooping, whether that really is new").Level);
        Assert.Equal(CareLevel.Emergency, detector.Detect("if my face drooping, whether that really truly is new").Level);
    }

    [Fact]
    public void A_supposition_at_the_very_start_of_the_message_counts()
        => Assert.Equal(CareLevel.None, SmallVocabulary.Detector().Detect("if face drooping is new").Level);

    [Theory]
    [InlineData("until")]
    [InlineData("till")]
    public void A_denial_of_the_time_before_leaves_the_sign_there_now(string until)
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), $"never had my foot numb {until} this week", "numbness"));

    [Fact]
    public void A_denial_without_an_until_denies_the_sign()
        => Assert.Equal(MentionStatus.Negated, StatusOf(SmallVocabulary.Detector(), "never had my foot numb this week", "numbness"));

    [Fact]
    public void Each_status_is_given_its_reason()
    {
        var detector = SmallVocabulary.Detector();

        Assert.Equal("reported", detector.Explain("my foot is numb").Mentions.Single(m => m.FindingId == "numbness").Why);
        Assert.Equal("general question", detector.Explain("what are the warning sign of numbness?").Mentions.Single(m => m.FindingId == "numbness").Why);
        Assert.Equal("negated: no", detector.Explain("no numbness").Mentions.Single(m => m.FindingId == "numbness").Why);
        Assert.StartsWith("long ago: ", detector.Explain("my foot went numb in 2015").Mentions.Single(m => m.FindingId == "numbness").Why);
    }

    private static RedFlagDetector ChangeDetector()
        => SmallVocabulary.Detector(SmallVocabulary.Build(
            rules: [.. SmallVocabulary.Rules, SmallVocabulary.Rule("worsening", CareLevel.Urgent, SignArea.Leg, ["getting-worse"])]));

    [Fact]
    public void A_change_since_a_long_ago_date_is_still_going_on()
        => Assert.Equal(CareLevel.Urgent, ChangeDetector().Detect("my foot worse every week since 2019").Level);

    [Fact]
    public void A_change_in_a_long_ago_year_is_history()
        => Assert.Equal(CareLevel.None, ChangeDetector().Detect("my foot got worse in 2019").Level);

    [Fact]
    public void A_sign_since_a_long_ago_date_is_history_even_beside_a_change_word()
        => Assert.Equal(MentionStatus.Historical, StatusOf(ChangeDetector(), "my foot numb since 2019", "numbness"));

    [Fact]
    public void A_long_ago_date_at_the_start_of_a_message_makes_a_change_history()
        => Assert.Equal(CareLevel.None, ChangeDetector().Detect("2019 my foot got worse").Level);

    private static MentionStatus FirstStatus(string message, string findingId)
        => SmallVocabulary.Detector().Explain(message).Mentions.First(m => m.FindingId == findingId).Status;

    [Theory]
    [InlineData("today")]
    [InlineData("now")]
    [InlineData("tonight")]
    public void A_sign_denied_later_in_a_clause_that_says_now_is_over(string now)
        => Assert.Equal(MentionStatus.Resolved, FirstStatus($"numb this morning. {now} no numbness", "numbness"));

    [Fact]
    public void A_later_denial_without_a_word_for_now_leaves_the_sign_reported()
        => Assert.Equal(MentionStatus.Affirmed, FirstStatus("numb this morning. later no numbness", "numbness"));

    [Fact]
    public void A_later_denial_that_says_now_only_after_the_sign_leaves_the_earlier_one_reported()
        => Assert.Equal(MentionStatus.Affirmed, FirstStatus("numb this morning. no numbness now", "numbness"));

    [Fact]
    public void A_sign_over_because_it_was_denied_later_says_so()
        => Assert.Equal("denied now, later in the message", SmallVocabulary.Detector().Explain("numb this morning. today no numbness").Mentions.First(m => m.FindingId == "numbness").Why);

    [Fact]
    public void A_later_denial_of_another_sign_leaves_the_first_reported()
        => Assert.Equal(MentionStatus.Affirmed, FirstStatus("numb this morning. today no fell", "numbness"));

    [Theory]
    [InlineData("my")]
    [InlineData("his")]
    [InlineData("her")]
    [InlineData("their")]
    public void A_span_of_years_after_all_and_a_possessive_is_a_lifetime_not_when_the_sign_began(string possessive)
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), $"toes catching, worst in all {possessive} 60 years", "foot-drop-sign"));

    [Fact]
    public void A_span_of_years_after_a_possessive_without_all_still_dates_the_sign()
        => Assert.NotEqual(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), "toes catching, worst in my 60 years", "foot-drop-sign"));

    [Fact]
    public void A_span_of_years_after_all_without_a_possessive_still_dates_the_sign()
        => Assert.NotEqual(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), "toes catching, worst in all 60 years", "foot-drop-sign"));

    private static MentionStatus BraceStatus(string phrase, string message)
    {
        var vocabulary = SmallVocabulary.Build(findings: [.. SmallVocabulary.Findings, SmallVocabulary.Timed("brace-not-helping", FindingTiming.Change, phrase)]);
        return StatusOf(SmallVocabulary.Detector(vocabulary), message, "brace-not-helping");
    }

    [Fact]
    public void A_change_said_with_no_longer_is_going_on_now_whatever_its_date()
        => Assert.Equal(MentionStatus.Affirmed, BraceStatus("no longer helps", "my brace from 2015 no longer helps"));

    [Fact]
    public void Longer_without_no_is_no_comparison_and_the_date_makes_it_old()
        => Assert.Equal(MentionStatus.Historical, BraceStatus("longer helps", "my brace from 2015 longer helps"));

    [Fact]
    public void No_before_the_sign_itself_is_not_part_of_its_comparison()
        => Assert.NotEqual(MentionStatus.Affirmed, BraceStatus("longer helps", "my brace from 2015 no longer helps"));

    private static MentionStatus ThinnerStatus(string message, FindingTiming? timing = FindingTiming.Change)
    {
        var thinner = timing is { } t ? SmallVocabulary.Timed("thinner", t, "thinner than") : SmallVocabulary.Find("thinner", "thinner than");
        return StatusOf(SmallVocabulary.Detector(SmallVocabulary.Build(findings: [.. SmallVocabulary.Findings, thinner])), message, "thinner");
    }

    [Fact]
    public void The_past_a_change_is_measured_against_does_not_make_the_change_old()
        => Assert.Equal(MentionStatus.Affirmed, ThinnerStatus("my calf is thinner than 3 years ago"));

    [Fact]
    public void A_past_before_the_comparison_still_makes_the_change_old()
        => Assert.Equal(MentionStatus.Historical, ThinnerStatus("years ago my calf was thinner than now"));

    [Fact]
    public void Only_a_change_is_measured_against_the_past_after_it()
        => Assert.Equal(MentionStatus.Historical, ThinnerStatus("my calf is thinner than 3 years ago", timing: null));

    [Fact]
    public void A_change_without_a_comparison_is_made_old_by_the_past_after_it()
        => Assert.Equal(MentionStatus.Historical, StatusOf(SmallVocabulary.Detector(), "toes worse for years", "getting-worse"));

    [Fact]
    public void A_comparison_ending_the_message_with_the_past_before_it_is_old()
        => Assert.Equal(MentionStatus.Historical, ThinnerStatus("for years my calf is thinner than"));

    [Fact]
    public void A_change_opening_the_message_is_made_old_by_a_date_without_a_comparison()
        => Assert.Equal(MentionStatus.Historical, StatusOf(SmallVocabulary.Detector(), "worse in 2015", "getting-worse"));

    [Fact]
    public void A_lifetime_at_the_start_of_a_message_is_still_a_lifetime()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), "all my 60 years, toes catching", "foot-drop-sign"));

    [Fact]
    public void A_sign_reported_again_later_today_is_not_over()
        => Assert.Equal(MentionStatus.Affirmed, FirstStatus("numb this morning. today numb again", "numbness"));

    [Theory]
    [InlineData("never tingling before this")]
    [InlineData("never tingling before")]
    [InlineData("never tingling a b c before this")]
    public void Never_then_before_within_three_words_after_the_sign_says_it_is_new(string message)
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(SmallVocabulary.Detector(), message, "numbness"));

    [Theory]
    [InlineData("never tingling, before or since")]
    [InlineData("never tingling before nor since")]
    [InlineData("never tingling before and after")]
    [InlineData("never tingling a b c d before this")]
    [InlineData("no tingling before this")]
    public void Never_without_a_before_that_says_new_still_denies(string message)
        => Assert.Equal(MentionStatus.Negated, StatusOf(SmallVocabulary.Detector(), message, "numbness"));
}
