using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// How far a modifier reaches, across commas, up to its scope and up to a terminator ("but"), and whether a terminator
/// parts an old date from a sign. On the small vocabulary of <see cref="SmallVocabulary"/>.
/// </summary>
public sealed class ReachTests
{
    private static MentionStatus StatusOf(string message, string findingId = "numbness")
        => SmallVocabulary.Detector().LastMention(message, findingId).Status;

    [Fact]
    public void A_history_reaches_forward_across_a_comma()
        => Assert.Equal(MentionStatus.Historical, StatusOf("for years, my foot numb"));

    [Fact]
    public void A_resolution_reaches_back_across_a_comma()
        => Assert.Equal(MentionStatus.Resolved, StatusOf("my foot numb, it went away"));

    [Fact]
    public void A_denial_just_after_a_comma_denies_the_sign_before_it()
        => Assert.Equal(MentionStatus.Negated, StatusOf("my foot numb, none"));

    [Fact]
    public void A_denial_a_word_after_the_comma_does_not_reach_back()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("my foot numb, really none"));

    [Fact]
    public void A_negation_reaches_exactly_its_scope()
    {
        Assert.Equal(MentionStatus.Negated, StatusOf("never had any real numbness"));
        Assert.Equal(MentionStatus.Affirmed, StatusOf("never had any real bad numbness"));
    }

    [Fact]
    public void A_terminator_just_after_a_negation_stops_it()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("no but numbness"));

    [Fact]
    public void A_terminator_just_before_the_sign_stops_a_negation()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("never had it but numbness"));

    [Fact]
    public void A_list_negation_does_not_reach_a_sign_that_stopped()
        => Assert.Equal(MentionStatus.Resolved, StatusOf("no numbness, or tingling went away"));

    [Fact]
    public void A_list_negation_reaches_a_sign_right_after_the_negated_one()
        => Assert.Equal(MentionStatus.Negated, StatusOf("never had the foot numb tingling"));

    [Fact]
    public void A_terminator_between_an_old_date_and_a_sign_keeps_the_sign_present()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("in 2015 i had a fall but now my foot is numb"));

    [Fact]
    public void A_terminator_before_both_an_old_date_and_a_sign_leaves_the_sign_in_the_past()
        => Assert.Equal(MentionStatus.Historical, StatusOf("but in 2015 my foot went numb"));

    [Fact]
    public void A_terminator_after_both_an_old_date_and_a_sign_leaves_the_sign_in_the_past()
        => Assert.Equal(MentionStatus.Historical, StatusOf("my foot went numb in 2015 but"));

    [Fact]
    public void A_sentence_opening_with_a_resolution_reaches_back_over_the_full_stop()
        => Assert.Equal(MentionStatus.Resolved, StatusOf("my foot has been numb since the operation. went away after a week"));

    [Fact]
    public void A_resolution_reaches_back_only_to_the_sentence_just_before()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("my foot has been numb since the operation. my dad is here with me today. went away after a week"));

    [Fact]
    public void A_resolution_inside_a_sentence_does_not_reach_back_to_the_one_before()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("my foot has been numb since the operation. the nurse says it went away"));

    [Fact]
    public void A_sentence_opening_with_a_history_that_reaches_both_ways_speaks_only_of_what_follows()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("my foot has been numb since the operation. years ago i had a fall"));

    [Fact]
    public void A_sentence_opening_with_a_history_that_looks_back_reaches_over_the_full_stop()
        => Assert.Equal(MentionStatus.Historical, WithHistoryLookingBack("numb shins, self cath, the whole deal. all of that has been the same for 15 years"));

    [Fact]
    public void A_history_that_looks_back_from_inside_a_sentence_does_not_reach_the_one_before()
        => Assert.Equal(MentionStatus.Affirmed, WithHistoryLookingBack("numb shins, self cath, the whole deal. sadly all of that has been the same for 15 years"));

    private static MentionStatus WithHistoryLookingBack(string message)
        => SmallVocabulary.Detector(SmallVocabulary.Build(modifiers:
            [.. SmallVocabulary.Modifiers, new(ContextCategory.Historical, ContextDirection.Backward, 0, ["all of that has been the same"])]))
            .LastMention(message, "numbness").Status;
}
