using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Which triggers a pseudo phrase cancels, what "until" lifts, and what a stated novelty undoes. On the small
/// vocabulary of <see cref="SmallVocabulary"/>, with a few phrases of dialogs/context.json added where a test needs them.
/// </summary>
public sealed class ModifierOverlapAndUntilTests
{
    private static MentionStatus StatusOf(string message, string findingId = "numbness", IReadOnlyList<ContextRule>? modifiers = null)
        => SmallVocabulary.Detector(SmallVocabulary.Build(modifiers: modifiers)).LastMention(message, findingId).Status;

    [Fact]
    public void A_trigger_longer_than_a_pseudo_phrase_inside_it_still_counts()
    {
        // As in dialogs/context.json: "asked if" alone asks nothing of the writer, "asked if he" supposes his sign.
        // The pseudo phrase's length is what is compared, wherever in the message it stands.
        IReadOnlyList<ContextRule> modifiers =
        [
            .. SmallVocabulary.Modifiers,
            new(ContextCategory.Hypothetical, ContextDirection.Forward, 0, ["asked if he"]),
            new(ContextCategory.Pseudo, ContextDirection.Both, 0, ["asked if"]),
        ];

        Assert.Equal(MentionStatus.Hypothetical, StatusOf("the doctor asked if he has numbness", modifiers: modifiers));
    }

    [Theory]
    [InlineData("no change, if anything numb", MentionStatus.Affirmed)]
    [InlineData("no change, but also numb", MentionStatus.Historical)]
    [InlineData("no change, all but numb", MentionStatus.Historical)]
    public void A_terminator_listed_as_a_pseudo_phrase_too_still_ends_the_clause_but_one_inside_a_longer_pseudo_phrase_does_not(string message, MentionStatus status)
    {
        // As in dialogs/context.json: "if anything" is both, so its "if" supposes nothing and "no change" stops at it.
        IReadOnlyList<ContextRule> modifiers =
        [
            .. SmallVocabulary.Modifiers,
            new(ContextCategory.Historical, ContextDirection.Both, 0, ["no change"]),
            new(ContextCategory.Terminate, ContextDirection.Both, 0, ["if anything"]),
            new(ContextCategory.Pseudo, ContextDirection.Both, 0, ["if anything", "but also", "all but"]),
        ];

        Assert.Equal(status, StatusOf(message, modifiers: modifiers));
    }

    [Fact]
    public void A_trigger_listed_as_a_pseudo_phrase_too_is_cancelled()
    {
        IReadOnlyList<ContextRule> modifiers = [.. SmallVocabulary.Modifiers, new(ContextCategory.Pseudo, ContextDirection.Both, 0, ["never"])];

        Assert.Equal(MentionStatus.Affirmed, StatusOf("never numb", modifiers: modifiers));
    }

    [Theory]
    [InlineData("my toes are numb. stopped.", MentionStatus.Affirmed)]
    [InlineData("my toes are numb. cleared.", MentionStatus.Resolved)]
    public void Only_stopped_as_a_sentence_of_its_own_is_the_person_stopping(string message, MentionStatus status)
    {
        IReadOnlyList<ContextRule> modifiers = [.. SmallVocabulary.Modifiers, new(ContextCategory.Resolved, ContextDirection.Backward, 0, ["cleared"])];

        Assert.Equal(status, StatusOf(message, modifiers: modifiers));
    }

    [Fact]
    public void A_pseudo_phrase_as_long_as_a_trigger_it_shares_a_word_with_cancels_the_trigger()
    {
        // "All gone numb" is numbness coming, not a fall that went: "gone numb" takes "gone" from "all gone".
        IReadOnlyList<ContextRule> modifiers =
        [
            .. SmallVocabulary.Modifiers,
            new(ContextCategory.Resolved, ContextDirection.Backward, 0, ["all gone"]),
            new(ContextCategory.Pseudo, ContextDirection.Both, 0, ["gone numb"]),
        ];

        Assert.Equal(MentionStatus.Affirmed, StatusOf("i fell and my toes have all gone numb", "falls", modifiers));
    }

    [Fact]
    public void An_until_after_a_sign_lifts_a_denial_but_not_a_history_or_a_condition()
    {
        Assert.Equal(MentionStatus.Historical, StatusOf("i used to get numb toes until i changed my shoes"));
        Assert.Equal(MentionStatus.Hypothetical, StatusOf("if my foot stays numb until morning"));
    }

    [Fact]
    public void An_until_lifts_a_denial_right_before_the_sign()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("no tingling until yesterday"));

    [Theory]
    [InlineData("til")]
    [InlineData("untill")]
    public void An_until_in_its_short_or_misspelt_form_lifts_a_denial(string until)
        // The normaliser leaves both as they are typed.
        => Assert.Equal(MentionStatus.Affirmed, StatusOf($"never had my foot numb {until} this week"));

    [Fact]
    public void A_novelty_said_of_something_else_does_not_undo_a_denial()
        => Assert.Equal(MentionStatus.Negated, StatusOf("no tingling, the weakness is new"));

    [Fact]
    public void A_stated_novelty_turns_a_condition_just_before_the_sign_into_a_report()
        => Assert.Equal(MentionStatus.Affirmed, StatusOf("is it bad if tingling goes down my leg, that is new"));

    [Fact]
    public void A_novelty_said_before_the_sign_does_not_undo_a_history_said_before_both()
        // Only a novelty after the history and the sign is about the sign.
        => Assert.Equal(MentionStatus.Historical, StatusOf("years ago my walking was different and my foot went numb"));

    [Theory]
    [InlineData("should i worry if my foot is numb? started this morning")]
    [InlineData("should i worry if my foot is numb? it all started today")]
    [InlineData("should i worry if my foot is numb? new, says my wife")]
    public void A_supposition_followed_at_once_by_when_it_began_is_a_report(string message)
        => Assert.Equal(MentionStatus.Affirmed, StatusOf(message));

    [Theory]
    [InlineData("should i worry if my foot is numb? it has not started")]
    [InlineData("should i worry if my foot is numb? started this morning?")]
    [InlineData("should i worry if my foot is numb? my friend says hers started this morning")]
    [InlineData("should i worry if my foot is numb")]
    public void A_supposition_stays_one_when_the_next_sentence_denies_asks_or_dates_something_later(string message)
        => Assert.Equal(MentionStatus.Hypothetical, StatusOf(message));
}
