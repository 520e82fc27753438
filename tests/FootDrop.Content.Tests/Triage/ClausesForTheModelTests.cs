using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Which clauses of a message the sentence model is given: each sentence cut at its terminators ("but"), without the
/// clauses a modifier touches, those whose signs were said elsewhere to be over or denied, general questions, and
/// clauses of fewer than three words. On the small vocabulary of <see cref="SmallVocabulary"/>, with a model that
/// finds nothing close, so only the clauses themselves are looked at.
/// </summary>
public sealed class ClausesForTheModelTests
{
    private static async Task<IReadOnlyList<string>> ClausesAsync(string message, IReadOnlyList<ContextRule>? modifiers = null)
    {
        var semantic = new SemanticReader(() => new NothingClose(), [new SemanticExample("new-numbness", "an example", false)], null);
        await semantic.WhenReady;
        var detector = new RedFlagDetector(SmallVocabulary.Build(modifiers: modifiers), new FixedClock(Detectors.Now), semantic);
        // Sorted: the model's order (longest first) is not what these tests are about.
        return [.. detector.Explain(message).Semantic.Select(s => s.Clause).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_sentence_is_cut_at_each_of_its_terminators()
        => Assert.Equal(["i can walk", "it is slow", "my foot is numb"], await ClausesAsync("my foot is numb but i can walk but it is slow"));

    [Fact]
    public async Task A_terminator_that_opens_a_sentence_is_not_part_of_its_clause()
        => Assert.Equal(["i can still walk far", "my foot is numb"], await ClausesAsync("my foot is numb. but i can still walk far"));

    [Fact]
    public async Task A_terminator_that_ends_a_sentence_is_not_part_of_its_clause()
        => Assert.Equal(["my foot feels very heavy"], await ClausesAsync("my foot feels very heavy but..."));

    [Fact]
    public async Task A_clause_of_fewer_than_three_words_is_not_given()
        => Assert.Equal(["my foot is numb"], await ClausesAsync("my foot is numb but walking fine"));

    [Fact]
    public async Task A_clause_a_negation_touches_is_not_given()
        // The model cannot see the negation, and no sign of the rules is in the clause to be denied.
        => Assert.Empty(await ClausesAsync("no weakness in my leg at all"));

    [Fact]
    public async Task A_negation_in_one_sentence_does_not_keep_the_next_from_the_model()
        => Assert.Equal(["i walked a long way to the shops"], await ClausesAsync("no numbness in my foot. i walked a long way to the shops"));

    [Fact]
    public async Task A_general_question_is_not_given()
        // The model would read "what are the warning signs of numbness" as a report of numbness.
        => Assert.Empty(await ClausesAsync("what are the warning signs of numbness in the foot"));

    [Theory]
    [InlineData("numb toes all morning. went away after lunch")]
    [InlineData("all morning my toes were numb. went away after lunch")]
    public async Task A_clause_whose_only_sign_the_next_sentence_says_went_away_is_not_given(string message)
        => Assert.Empty(await ClausesAsync(message));

    [Fact]
    public async Task A_clause_with_a_sign_still_going_on_is_given_though_another_sign_in_it_went_away()
    {
        // A resolution that reaches three words back ends the numbness, not the fall eight words before it.
        IReadOnlyList<ContextRule> modifiers =
        [
            .. SmallVocabulary.Modifiers.Where(m => m.Category != ContextCategory.Resolved),
            new(ContextCategory.Resolved, ContextDirection.Backward, 3, ["went away"]),
        ];

        Assert.Equal(["i fell on the stairs and my toes went numb"], await ClausesAsync("i fell on the stairs and my toes went numb. went away after an hour", modifiers));
    }

    /// <summary>A model that puts every clause at right angles to every example.</summary>
    private sealed class NothingClose : ISentenceEmbedder
    {
        public string ModelId { get; } = "nothing-close-" + Guid.NewGuid();

        public float[][] Embed(IReadOnlyList<string> sentences)
            => [.. sentences.Select(s => s == "an example" ? new float[] { 1, 0 } : [0, 1])];
    }
}
