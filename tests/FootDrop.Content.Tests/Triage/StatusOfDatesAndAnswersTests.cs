using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// What a date long ago does to a sign and to a word of a new start, and when the next sentence answers a question
/// with a denial. On the small vocabulary of <see cref="SmallVocabulary"/> and the tests' evening clock.
/// </summary>
public sealed class StatusOfDatesAndAnswersTests
{
    private static RedFlagDetector Detector => SmallVocabulary.Detector();

    private static FindingMention Last(string message, string findingId = "numbness", RedFlagDetector? detector = null)
        => (detector ?? Detector).LastMention(message, findingId);

    [Fact]
    public void A_recent_date_stays_recent_beside_a_date_long_ago_in_its_clause()
        => Assert.Contains("new-foot-drop", Detector.Detect("my toes keep catching since yesterday after my hip op in 2015").RuleIds);

    [Fact]
    public void A_start_in_the_same_clause_as_a_date_long_ago_is_as_old_as_the_date()
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect("my toes started catching in 2015").RuleIds);

    [Fact]
    public void A_start_in_another_clause_than_a_date_long_ago_is_new()
        => Assert.Contains("new-foot-drop", Detector.Detect("my toes started catching, my hip op was in 2015").RuleIds);

    // Kneeling as a cause, and lengths of time as history, so that only the code decides whose length of time it is.
    private static readonly RedFlagDetector WithKneeling = SmallVocabulary.Detector(SmallVocabulary.Build(
        findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("onset-trigger", "kneeling")],
        modifiers: [.. SmallVocabulary.Modifiers, new ContextRule(ContextCategory.Historical, ContextDirection.Both, 0, ["for ages", "for a year", "for a month", "for months", "for a decade", "for decades"])]));

    [Fact]
    public void A_spell_of_kneeling_for_ages_is_how_long_the_kneeling_lasted()
        => Assert.Equal(MentionStatus.Affirmed, Last("foot numb, kneeling for ages", detector: WithKneeling).Status);

    [Theory]
    [InlineData("for years")]
    [InlineData("for a year")]
    [InlineData("for a month")]
    [InlineData("for months")]
    [InlineData("for a decade")]
    [InlineData("for decades")]
    public void Kneeling_for_months_or_years_leaves_the_sign_old(string length)
        => Assert.Equal(MentionStatus.Historical, Last($"foot numb, kneeling {length}", detector: WithKneeling).Status);

    [Fact]
    public void A_comparison_that_opens_the_message_says_the_date_is_not_when_the_sign_began()
        => Assert.Equal(MentionStatus.Affirmed, Last("compared to 2015 my foot is numb").Status);

    [Fact]
    public void A_short_duration_told_after_a_date_long_ago_is_how_long_the_sign_lasted_then()
        => Assert.Equal(MentionStatus.Historical, Last("in 2015 my foot was numb for two days").Status);

    [Fact]
    public void A_short_duration_told_after_years_back_is_how_long_the_sign_lasted_then()
        => Assert.Equal(MentionStatus.Historical, Last("5 years back my foot was numb for two days").Status);

    [Fact]
    public void A_change_since_an_event_dated_long_ago_is_still_going_on()
        => Assert.Equal(MentionStatus.Affirmed, Last("my foot got worse since she had the flu in 2015", "getting-worse").Status);

    [Fact]
    public void A_since_that_opens_the_message_leads_to_a_date_long_ago()
        => Assert.Equal(MentionStatus.Affirmed, Last("since she had the flu in 2015 my foot got worse", "getting-worse").Status);

    [Fact]
    public void A_since_more_than_six_words_before_a_date_long_ago_does_not_lead_to_it()
        => Assert.Equal(MentionStatus.Historical, Last("my foot got worse since the day she had that awful flu in 2015", "getting-worse").Status);

    [Fact]
    public void A_recent_day_told_after_a_date_long_ago_is_still_when_the_sign_began()
        => Assert.Equal(MentionStatus.Affirmed, Last("in 2015 my foot was numb and then last tuesday").Status);

    [Fact]
    public void A_since_in_another_clause_does_not_lead_to_a_date_long_ago()
        => Assert.Equal(MentionStatus.Historical, Last("my foot got worse since the op, the flu was in 2015", "getting-worse").Status);

    [Fact]
    public void A_short_duration_after_a_turn_to_the_present_is_still_when_the_sign_began()
        => Assert.Equal(MentionStatus.Affirmed, Last("my op was in 2015 and now my foot has been numb for two days").Status);

    [Fact]
    public void A_short_duration_before_a_date_long_ago_is_still_when_the_sign_began()
        => Assert.Equal(MentionStatus.Affirmed, Last("for two days my foot has been numb, my op was in 2015").Status);

    [Fact]
    public void A_short_duration_in_another_sentence_than_a_date_long_ago_is_still_when_the_sign_began()
        => Assert.Equal(MentionStatus.Affirmed, Last("my op was in 2015. my foot has been numb for two days").Status);

    [Fact]
    public void A_novelty_said_before_the_sign_does_not_make_a_sign_dated_long_ago_new()
        // Only a novelty after the date and the sign is about the sign.
        => Assert.Equal(MentionStatus.Historical, Last("in 2015 my walking was different and my foot went numb").Status);

    [Fact]
    public void A_history_in_a_message_that_ends_on_a_verb_is_read_to_its_end()
        => Assert.Equal(MentionStatus.Historical, Last("for years my toes have been numb and still are").Status);

    [Fact]
    public void A_terminator_touching_the_old_date_or_the_sign_still_parts_them()
    {
        Assert.Equal(MentionStatus.Affirmed, Last("i had my op in 2015 but now my foot is numb").Status);
        Assert.Equal(MentionStatus.Affirmed, Last("my op was in 2015 but tingling down my leg now").Status);
    }

    [Fact]
    public void A_denial_answers_the_signs_a_supposition_listed_in_the_sentence_before()
        // "If" reaches "numbness" but stops at the comma; the nurse's list still asked about "tingling".
        => Assert.Equal(MentionStatus.Negated, Last("the nurse asked if there was numbness, tingling. no").Status);

    [Fact]
    public void A_sign_denied_by_the_answer_to_its_question_is_given_that_reason()
        => Assert.Equal("answered no", Last("my foot numb? no").Why);

    [Fact]
    public void A_four_word_question_is_short_enough_to_be_answered_by_a_sentence_starting_with_a_denial()
        => Assert.Equal(MentionStatus.Negated, Last("my left foot numb? not for ages").Status);

    [Fact]
    public void A_sentence_that_is_a_denying_answer_answers_the_question_before_it()
        // Seven words: too long a question for "none" at the start of the answer to count by itself.
        => Assert.Equal(MentionStatus.Negated, Last("any numbness or tingling in my foot? none of those").Status);

    [Fact]
    public void Any_one_of_the_denying_answers_answers_the_question()
    {
        var context = SmallVocabulary.Context() with { AnswersDenyingWhatWasAsked = ["none of those", "no to all"] };
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build() with { Context = context });

        Assert.Equal(MentionStatus.Negated, Last("any numbness or tingling in my foot? no to all", detector: detector).Status);
    }

    [Fact]
    public void A_denying_answer_counts_only_in_the_sentence_right_after_the_question()
        => Assert.Equal(MentionStatus.Affirmed, Last("numb foot? yes it has been since monday. none of those other signs").Status);
}
