using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// When the sentence model decides, asks or stays quiet, at its exact thresholds. The model is replaced by a table of
/// vectors: each example is one direction, and a message's clause is given exactly the similarities the test names,
/// in numbers a float holds exactly, so "at the threshold" is exactly at it.
/// </summary>
public sealed class SemanticDecisionTests
{
    private static readonly SemanticSettings Settings = new(DecideAt: 0.75, ClarifyAt: 0.5, Margin: 0.25, EmergencyHintAt: 0.375);

    /// <summary>Similarities of a clause to: the stroke example, the near miss, the leg example, the both-legs example, an example of a rule no longer in the vocabulary.</summary>
    private static float[] Close(float stroke = 0, float nearMiss = 0, float leg = 0, float bothLegs = 0, float ghost = 0) => [stroke, nearMiss, leg, bothLegs, ghost, 0];

    [Fact]
    public async Task A_clause_exactly_at_the_decision_score_and_margin_is_decided_by_the_model_and_explained()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.75f, nearMiss: 0.5f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(DetectionSource.Semantic, result.Source);
        Assert.Equal(["stroke-face-droop"], result.RuleIds);
        Assert.Equal(new SemanticEvidence("stroke-face-droop", "stroke example", 0.75, "near miss", 0.5), result.Evidence);
    }

    [Fact]
    public async Task Each_clause_given_to_the_model_is_listed_with_its_match()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.75f, nearMiss: 0.5f)));

        var (clause, match) = Assert.Single(detector.Explain("zorp quibble flanning grobbet wendle").Semantic);

        Assert.Equal("zorp quibble flanning grobbet wendle", clause);
        Assert.Equal(0.75, match!.Score);
    }

    [Fact]
    public async Task A_clause_above_the_decision_score_but_too_near_a_near_miss_only_asks_about_its_area()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.875f, nearMiss: 0.75f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-stroke", result.Clarify?.Id);
        Assert.Equal(["stroke-face-droop"], result.Suspected);
        Assert.Equal("stroke example", result.Evidence?.Example);
    }

    [Fact]
    public async Task A_clause_exactly_at_the_clarify_score_asks_the_question_of_its_area()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.5f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.Equal(new SemanticEvidence("new-foot-drop", "leg example", 0.5, "near miss", 0), result.Evidence);
    }

    [Fact]
    public async Task A_leg_sign_the_model_decides_in_a_message_about_an_old_problem_is_asked_about_not_assumed_new()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.875f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. it all began years ago");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.Equal(["new-foot-drop"], result.Suspected);
        Assert.Equal(DetectionSource.Semantic, result.Source);
        Assert.Equal("leg example", result.Evidence?.Example);
    }

    [Fact]
    public async Task A_leg_sign_the_rules_read_in_a_message_about_an_old_problem_is_asked_about_as_the_rules_and_not_the_models()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.5f)));

        var result = detector.Detect("my foot is numb. zorp quibble flanning grobbet wendle. it all began years ago");

        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.Equal(["new-numbness"], result.Suspected);
        Assert.Equal(DetectionSource.Rule, result.Source);
        Assert.Null(result.Evidence);
    }

    [Fact]
    public async Task A_leg_sign_the_model_decides_with_nothing_about_an_old_problem_is_urgent()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.875f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal(DetectionSource.Semantic, result.Source);
    }

    [Fact]
    public async Task A_clause_no_closer_to_an_example_than_to_a_near_miss_asks_nothing()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.625f, nearMiss: 0.625f)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle"));
    }

    [Fact]
    public async Task A_clause_just_below_the_clarify_score_asks_nothing()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.4375f)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle"));
    }

    [Fact]
    public async Task A_clause_exactly_at_the_emergency_hint_score_asks_about_that_emergency()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.375f, nearMiss: 0.25f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-stroke", result.Clarify?.Id);
        Assert.Equal(new SemanticEvidence("stroke-face-droop", "stroke example", 0.375, "near miss", 0.25), result.Evidence);
    }

    [Fact]
    public async Task The_closest_emergency_example_gives_the_hint_when_several_clauses_come_near()
    {
        var detector = await DetectorAsync(
            ("zorp quibble flanning grobbet wendle", Close(stroke: 0.375f)),
            ("blib blob blab", Close(bothLegs: 0.4375f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. blib blob blab");

        Assert.Equal("clarify-emergency-signs", result.Clarify?.Id);
        Assert.Equal("both-legs", result.Evidence?.RuleId);
    }

    [Fact]
    public async Task An_emergency_example_no_closer_than_a_near_miss_gives_no_hint()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.375f, nearMiss: 0.375f)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle"));
    }

    [Fact]
    public async Task An_emergency_example_just_below_the_hint_score_gives_no_hint()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.3125f)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle"));
    }

    [Fact]
    public async Task A_hint_near_an_emergency_of_the_legs_asks_about_every_emergency_sign()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(bothLegs: 0.375f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal("clarify-emergency-signs", result.Clarify?.Id);
        Assert.Equal(["stroke-face-droop"], result.Suspected);
        Assert.Equal("both-legs", result.Evidence?.RuleId);
    }

    [Fact]
    public async Task A_message_of_fewer_words_than_the_model_reads_is_left_to_the_rules()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet", Close(stroke: 1)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet"));
    }

    [Fact]
    public async Task Without_the_model_the_rules_decide_alone()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 1)));

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle", useModel: false));
    }

    [Fact]
    public async Task The_model_raises_an_urgent_rule_to_an_emergency_and_names_both()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 1)));

        var result = detector.Detect("my foot went numb. zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(DetectionSource.Semantic, result.Source);
        Assert.Equal(["stroke-face-droop", "new-numbness"], result.RuleIds);
        Assert.Null(result.Clarify);
    }

    [Fact]
    public async Task A_model_match_no_higher_than_the_rules_leaves_the_decision_to_the_rules()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 1)));

        var result = detector.Detect("my foot went numb. zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal(DetectionSource.Rule, result.Source);
        Assert.Equal(["new-numbness"], result.RuleIds);
        Assert.Null(result.Evidence);
        Assert.Equal("clarify-emergency-signs", result.Clarify?.Id);
    }

    [Fact]
    public async Task A_rule_emergency_is_not_sent_to_the_model()
    {
        var embedder = new VectorEmbedder(("zorp quibble flanning grobbet wendle", Close(leg: 1)));
        var detector = await DetectorAsync(embedder);

        var explanation = detector.Explain("his face drooping on one side. zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Emergency, explanation.Result.Level);
        Assert.Empty(explanation.Semantic);
    }

    [Fact]
    public async Task A_clause_whose_sign_the_next_clause_says_went_away_is_not_given_to_the_model()
    {
        // As in dialogs/context.json, the phrase that says it is over begins with the "but" that ends the clause.
        var detector = await DetectorAsync(
            new VectorEmbedder(("zorp numb quibble flanning", Close(stroke: 1))),
            [.. SmallVocabulary.Modifiers, new(ContextCategory.Resolved, ContextDirection.Backward, 0, ["but it went away"])]);

        var explanation = detector.Explain("zorp numb quibble flanning but it went away");

        Assert.Equal(CareLevel.None, explanation.Result.Level);
        Assert.Empty(explanation.Semantic);
    }

    [Fact]
    public async Task A_clause_with_a_sign_still_going_on_is_given_to_the_model()
    {
        var detector = await DetectorAsync(("zorp numb quibble flanning", Close(stroke: 1)));

        var explanation = detector.Explain("zorp numb quibble flanning but grobbet wendle");

        Assert.Equal(CareLevel.Emergency, explanation.Result.Level);
        Assert.Equal(DetectionSource.Semantic, explanation.Result.Source);
    }

    [Fact]
    public async Task A_plain_hint_in_the_words_is_asked_about_before_a_vague_match_to_a_stroke_example()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 0.625f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. my foot feels funny");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
    }

    [Fact]
    public async Task The_evidence_shown_is_the_clause_that_decided_not_a_later_one_that_only_hinted()
    {
        var detector = await DetectorAsync(
            ("zorp quibble flanning grobbet wendle", Close(stroke: 0.75f, nearMiss: 0.5f)),
            ("blip blop bloop", Close(leg: 0.5f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. blip blop bloop");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal("stroke example", result.Evidence?.Example);
    }

    [Fact]
    public async Task A_model_match_at_the_same_level_as_the_rules_leaves_the_decision_to_the_rules()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(leg: 0.75f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. my foot went numb");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal(DetectionSource.Rule, result.Source);
        Assert.Equal(["new-numbness"], result.RuleIds);
    }

    [Theory]
    [InlineData("blip blop bloop bleep. zorp quibble flanning grobbet wendle")]
    [InlineData("zorp quibble flanning grobbet wendle. blip blop bloop bleep")]
    public async Task Of_two_clauses_hinting_at_different_areas_the_more_serious_is_asked_about_and_shown(string message)
    {
        var detector = await DetectorAsync(
            ("zorp quibble flanning grobbet wendle", Close(stroke: 0.625f, nearMiss: 0.5f)),
            ("blip blop bloop bleep", Close(leg: 0.625f)));

        var result = detector.Detect(message);

        Assert.Equal("clarify-stroke", result.Clarify?.Id);
        Assert.Equal("stroke example", result.Evidence?.Example);
    }

    [Fact]
    public async Task A_clause_nearest_an_example_of_a_rule_the_vocabulary_does_not_have_is_passed_over()
    {
        var detector = await DetectorAsync(
            new VectorEmbedder(("zorp quibble flanning grobbet wendle", Close(stroke: 0.5f, ghost: 1))),
            examples: [.. Examples, new("retired-rule", "ghost example", false)]);

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-stroke", result.Clarify?.Id);
    }

    [Fact]
    public async Task With_only_near_misses_to_compare_with_the_model_finds_nothing_and_the_rules_still_decide()
    {
        var detector = await DetectorAsync(
            new VectorEmbedder(("zorp quibble flanning grobbet wendle", Close(nearMiss: 1))),
            examples: [new("stroke-face-droop", "near miss", true)]);

        Assert.Equal(RedFlagResult.Nothing, detector.Detect("zorp quibble flanning grobbet wendle"));
        Assert.Equal(CareLevel.Urgent, detector.Detect("my foot went numb. zorp quibble flanning grobbet wendle").Level);
    }

    [Fact]
    public async Task When_the_model_decides_the_sign_is_whoevers_signs_the_message_reports()
    {
        var detector = await DetectorAsync(("and i zorp quibble flanning grobbet wendle and i think i", Close(stroke: 1)));

        var result = detector.Detect("his foot went numb. and i zorp quibble flanning grobbet wendle and i think i");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(DetectionSource.Semantic, result.Source);
        Assert.True(result.AboutSomeoneElse);
    }

    [Fact]
    public async Task Of_two_clauses_hinting_at_the_same_area_the_first_is_shown()
    {
        var detector = await DetectorAsync(
            ("zorp quibble flanning grobbet wendle", Close(leg: 0.5f)),
            ("blip blop bloop bleep", Close(leg: 0.625f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. blip blop bloop bleep");

        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.Equal(0.5, result.Evidence?.Score);
    }

    [Fact]
    public async Task Of_two_clauses_equally_close_to_different_emergencies_the_first_is_asked_about()
    {
        var detector = await DetectorAsync(
            ("zorp quibble flanning grobbet wendle", Close(stroke: 0.375f)),
            ("blip blop bloop bleep", Close(bothLegs: 0.375f)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle. blip blop bloop bleep");

        Assert.Equal("clarify-stroke", result.Clarify?.Id);
        Assert.Equal("stroke-face-droop", result.Evidence?.RuleId);
    }

    [Fact]
    public async Task An_emergency_the_model_decides_with_no_sign_in_the_words_is_the_writers_own()
    {
        var detector = await DetectorAsync(("zorp quibble flanning grobbet wendle", Close(stroke: 1)));

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.False(result.AboutSomeoneElse);
    }

    private static Task<RedFlagDetector> DetectorAsync(params (string Clause, float[] Vector)[] clauses)
        => DetectorAsync(new VectorEmbedder(clauses));

    private static readonly SemanticExample[] Examples =
    [
        new("stroke-face-droop", "stroke example", false, IsEmergency: true),
        new("stroke-face-droop", "near miss", true),
        new("new-foot-drop", "leg example", false),
        new("both-legs", "both legs example", false, IsEmergency: true),
    ];

    private static async Task<RedFlagDetector> DetectorAsync(VectorEmbedder embedder, IReadOnlyList<ContextRule>? modifiers = null, SemanticExample[]? examples = null)
    {
        var rules = SmallVocabulary.Rules.Append(SmallVocabulary.Rule("both-legs", CareLevel.Emergency, SignArea.Leg, ["numbness", "falls"])).ToList();
        var vocabulary = SmallVocabulary.Build(rules: rules, modifiers: modifiers) with { Semantic = Settings };
        var semantic = new SemanticReader(() => embedder, examples ?? Examples, null);
        await semantic.WhenReady;
        return new RedFlagDetector(vocabulary, new FixedClock(Detectors.Now), semantic);
    }

    /// <summary>Each example its own direction; the named clauses exactly the given similarities; anything else none.</summary>
    private sealed class VectorEmbedder(params (string Clause, float[] Vector)[] clauses) : ISentenceEmbedder
    {
        private static readonly string[] Examples = ["stroke example", "near miss", "leg example", "both legs example", "ghost example"];

        public string ModelId { get; } = "vectors-" + Guid.NewGuid();

        public float[][] Embed(IReadOnlyList<string> sentences) => [.. sentences.Select(Vector)];

        private static float[] Unit(int index)
        {
            var vector = new float[6];
            vector[index] = 1;
            return vector;
        }

        private float[] Vector(string sentence)
        {
            var example = Array.IndexOf(Examples, sentence);
            if (example >= 0)
            {
                return Unit(example);
            }

            var clause = clauses.FirstOrDefault(c => c.Clause == sentence);
            return clause.Vector ?? Unit(5);
        }
    }
}
