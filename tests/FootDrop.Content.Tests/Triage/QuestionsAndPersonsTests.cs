using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// When a sentence is a general question rather than a report, and whose sign it is, on the small vocabulary of
/// <see cref="SmallVocabulary"/> (general question starts "what are" and "is"; "i", "my", "me" for the writer; "he",
/// "his", "she", "her", "dad", "husband" for someone else).
/// </summary>
public sealed class QuestionsAndPersonsTests
{
    private static FindingMention Numbness(string message)
        => SmallVocabulary.Detector().Explain(message).Mentions.Single(m => m.FindingId == "numbness");

    [Fact]
    public void A_two_word_question_start_makes_a_general_question_without_a_question_mark()
        => Assert.Equal(MentionStatus.General, Numbness("what are the causes of numbness").Status);

    [Fact]
    public void A_two_word_question_start_counts_only_at_the_start_of_the_sentence()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("numbness, what are they doing about it").Status);

    [Fact]
    public void A_one_word_question_start_needs_a_question_mark()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("is numbness bad").Status);

    [Fact]
    public void A_one_word_question_start_with_a_question_mark_asks()
        => Assert.Equal(MentionStatus.General, Numbness("is numbness bad?").Status);

    [Fact]
    public void A_one_word_question_word_counts_only_at_the_start_of_the_sentence()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("numbness is bad?").Status);

    [Fact]
    public void A_question_word_followed_by_not_asks_nothing()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("is not right, numbness everywhere?").Status);

    [Fact]
    public void A_question_followed_by_a_short_sentence_that_dates_it_is_a_report()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("is numbness bad? started this morning").Status);

    [Fact]
    public void A_dating_sentence_of_six_words_still_dates_the_question_before_it()
        => Assert.Equal(MentionStatus.Affirmed, Numbness("is numbness bad? it all started this morning, honestly").Status);

    [Fact]
    public void A_start_without_a_date_after_a_question_does_not_date_it()
        => Assert.Equal(MentionStatus.General, Numbness("is numbness bad? it just started").Status);

    [Fact]
    public void A_longer_sentence_after_a_question_does_not_date_it()
        => Assert.Equal(MentionStatus.General, Numbness("is numbness bad? my class started this morning at the gym").Status);

    [Fact]
    public void A_date_two_sentences_after_a_question_does_not_date_it()
        => Assert.Equal(MentionStatus.General, Numbness("is numbness bad? I am asking for a friend. Started this morning").Status);

    [Fact]
    public void A_date_inside_a_question_leaves_it_general()
        => Assert.Equal(MentionStatus.General, Numbness("is numbness after a walk this morning bad?").Status);

    [Fact]
    public void A_sentence_with_a_sign_of_its_own_after_a_question_does_not_date_it()
        => Assert.Equal(MentionStatus.General, SmallVocabulary.Detector().Explain("is numbness bad? fell this morning").Mentions.First(m => m.FindingId == "numbness").Status);

    [Fact]
    public void A_dating_sentence_that_names_a_cause_still_dates_the_question_before_it()
        => Assert.Equal(MentionStatus.Affirmed, Detectors.RulesOnly.Explain("is foot drop bad? started 10 days after the op").Mentions.First(m => m.FindingId == "foot-drop-named").Status);

    [Fact]
    public void A_sign_with_no_person_named_is_the_writers()
        => Assert.False(Numbness("numbness in the foot").AboutSomeoneElse);

    [Fact]
    public void A_sign_is_whoever_was_named_last_before_it()
        => Assert.True(Numbness("i rang because dad has numbness").AboutSomeoneElse);

    [Fact]
    public void A_sign_before_anyone_is_named_is_the_first_person_named_after_it()
    {
        Assert.True(Numbness("numbness, dad said i should ask").AboutSomeoneElse);
        Assert.False(Numbness("numbness, i said to dad").AboutSomeoneElse);
    }

    [Fact]
    public void A_longer_phrase_for_the_writer_wins_over_a_word_for_someone_else_at_the_same_place()
    {
        // Scots "ma foot" is "my foot", though "ma" alone is a mother.
        var context = SmallVocabulary.Context() with { SelfWords = ["i", "my", "me", "ma {foot}"], OtherPersonWords = ["he", "his", "she", "her", "ma"] };
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build() with { Context = context });
        FindingMention NumbnessIn(string message) => detector.Explain(message).Mentions.Single(m => m.FindingId == "numbness");

        Assert.False(NumbnessIn("ma foot is numb").AboutSomeoneElse);
        Assert.True(NumbnessIn("ma says numbness").AboutSomeoneElse);
        Assert.True(NumbnessIn("he has numbness, ma foot is fine").AboutSomeoneElse);
    }
}
